using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>What the run knows of GitHub before acting: the client, the open incident and its marker.</summary>
/// <param name="Manager">The incident manager; null when GitHub is not used (dry-run, no token, lookup failed).</param>
/// <param name="Open">The open incident (the oldest, when duplicates were found and closed).</param>
/// <param name="OpenNumber">Its number; in dry-run, the one the state file remembers.</param>
/// <param name="MarkerState">The state in its marker.</param>
/// <param name="ClosedDuplicates">Newer duplicates closed while looking.</param>
/// <param name="Problem">Why GitHub could not be used.</param>
public sealed record GitHubSide(IncidentManager? Manager, IncidentIssue? Open, int? OpenNumber, WatchdogState? MarkerState, IReadOnlyList<int> ClosedDuplicates, string? Problem)
{
    /// <summary>Dry-run: GitHub is not called; the state file's incident stands in for the open one.</summary>
    public static GitHubSide DryRun(WatchdogState? fileState) => new(null, null, fileState?.IncidentNumber, null, [], null);

    /// <summary>GitHub is unusable for <paramref name="problem"/>; the state file's incident stands in for the open one.</summary>
    public static GitHubSide Unavailable(string problem, WatchdogState? fileState) => new(null, null, fileState?.IncidentNumber, null, [], problem);
}
