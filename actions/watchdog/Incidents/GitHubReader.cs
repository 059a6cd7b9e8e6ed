namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>Reads GitHub's view of the incidents; every failure of that optional upstream becomes <see cref="GitHubView.Problem"/>.</summary>
internal static class GitHubReader
{
    public static async Task<GitHubView> ReadAsync(IncidentManager manager, CancellationToken cancellationToken)
    {
        try
        {
            var open = await manager.FindOpenAsync(cancellationToken);
            // The job's token is github-actions[bot]; only when another author appears does it matter who a personal token is.
            var login = open.Any(i => !IncidentManager.IsOurs(i, null)) ? await manager.AuthenticatedLoginAsync(cancellationToken) : null;
            return new GitHubView(true, open, login, null);
        }
#pragma warning disable CA1031 // The GitHub API is an optional upstream: any failure (the deadline included) is a warning, the checks still report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return GitHubView.Unavailable(IncidentManager.Describe(ex));
        }
    }
}
