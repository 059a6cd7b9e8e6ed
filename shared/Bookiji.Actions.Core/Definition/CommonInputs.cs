namespace Bookiji.Actions.Core.Definition;

/// <summary>Inputs every action accepts; the host reads them.</summary>
public static class CommonInputs
{
    /// <summary>Makes the action's own failures fail the step (they are annotations and exit 0 otherwise).</summary>
    public static readonly FlagInput FailOnError = new(
        "fail-on-error",
        "Fail the step when the action fails (by default it reports an error annotation and exits 0).",
        false);

    /// <summary>
    /// The job's GitHub token, declared the same way in every action: the runner fills in <c>${{ github.token }}</c>,
    /// <c>GITHUB_TOKEN</c> is the fallback, and the value is masked. <paramref name="description"/> says what it is for.
    /// </summary>
    public static TextInput GitHubToken(string description) => new("github-token", description)
    {
        Env = "GITHUB_TOKEN",
        RunnerDefault = "${{ github.token }}",
        Secret = true,
        Format = "a token",
    };

    /// <summary>Opt-in: this action's part of the one sticky pull-request comment.</summary>
    public static readonly FlagInput PrComment = new(
        "pr-comment",
        "Update this action's section of the one sticky PR comment (needs pull-requests: write; forks get a warning).",
        false);
}
