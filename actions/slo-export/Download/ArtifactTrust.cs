namespace Bookiji.Actions.SloExport.Download;

/// <summary>
/// Which artifacts the export may use. A pull request from a fork runs code its author controls and uploads artifacts
/// into this repository; only runs whose code came from this repository (<c>head_repository_id</c> equal to
/// <c>repository_id</c>) on a trusted branch count. Pure: the reasons are counted for the summary.
/// </summary>
public static class ArtifactTrust
{
    /// <summary>The trusted artifacts, and each reason for refusing others with how many it refused.</summary>
    public static (IReadOnlyList<Artifact> Trusted, IReadOnlyList<(string Reason, int Count)> Refused) Apply(IReadOnlyList<Artifact> artifacts, IReadOnlySet<string> branches)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(branches);
        var trusted = new List<Artifact>();
        var refused = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var artifact in artifacts)
        {
            var reason = Refusal(artifact.WorkflowRun, branches);
            if (reason is null)
            {
                trusted.Add(artifact);
            }
            else
            {
                refused[reason] = refused.GetValueOrDefault(reason) + 1;
            }
        }

        return (trusted, [.. refused.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value))]);
    }

    private static string? Refusal(ArtifactRun? run, IReadOnlySet<string> branches) => run switch
    {
        null or { Id: null } => "the API does not say which run uploaded them",
        { RepositoryId: null } or { HeadRepositoryId: null } => "the API does not say which repository their runs' code came from",
        _ when run.RepositoryId != run.HeadRepositoryId => "they come from pull requests of forks (code this repository does not control)",
        _ when run.HeadBranch is null || !branches.Contains(run.HeadBranch) => $"their runs are not on {string.Join(", ", branches.Order(StringComparer.Ordinal))} (artifact-branches)",
        _ => null,
    };
}
