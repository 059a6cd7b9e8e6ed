namespace Bookiji.Actions.Core.Definition;

/// <summary>Inputs every action accepts; the host reads them.</summary>
public static class CommonInputs
{
    /// <summary>Makes the action's own failures fail the step (they are annotations and exit 0 otherwise).</summary>
    public static readonly FlagInput FailOnError = new(
        "fail-on-error",
        "Fail the step when the action fails (by default it reports an error annotation and exits 0).",
        false);

    /// <summary>Opt-in: this action's part of the one sticky pull-request comment.</summary>
    public static readonly FlagInput PrComment = new(
        "pr-comment",
        "Update this action's section of the one sticky PR comment (needs pull-requests: write; forks get a warning).",
        false);
}
