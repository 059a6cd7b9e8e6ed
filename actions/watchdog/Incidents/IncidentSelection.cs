using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>
/// Which open issue is this watchdog's incident (the oldest one its token opened), which newer ones are its
/// duplicates (ours, same title), which are someone else's, and what the kept one's marker says.
/// </summary>
/// <param name="Kept">The incident this run works on; null when none is open (or GitHub was not asked).</param>
/// <param name="OpenNumber">Its number; when GitHub was not asked, the one the state file remembers.</param>
/// <param name="MarkerState">The state in its marker, when present and plausible.</param>
/// <param name="MarkerIgnored">Whether a marker was present but held values this action never writes.</param>
/// <param name="Duplicates">Newer incidents of ours with the same title, to close in favour of <paramref name="Kept"/>.</param>
/// <param name="Ignored">Issues carrying the labels that this token did not open.</param>
public sealed record IncidentSelection(
    IncidentIssue? Kept, int? OpenNumber, WatchdogState? MarkerState, bool MarkerIgnored, IReadOnlyList<IncidentIssue> Duplicates, IReadOnlyList<int> Ignored)
{
    /// <summary>Decides from what GitHub said; <paramref name="fileState"/> stands in when it was not asked.</summary>
    public static IncidentSelection From(GitHubView view, WatchdogState? fileState, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!view.Asked)
        {
            return new IncidentSelection(null, fileState?.IncidentNumber, null, false, [], []);
        }

        var ours = view.Open.Where(i => IncidentManager.IsOurs(i, view.TokenLogin)).OrderBy(i => i.Number).ToList();
        var ignored = view.Open.Where(i => !IncidentManager.IsOurs(i, view.TokenLogin)).Select(i => i.Number).ToList();
        if (ours.Count == 0)
        {
            return new IncidentSelection(null, null, null, false, [], ignored);
        }

        var kept = ours[0];
        var marker = IncidentMarker.Read(kept.Body, now);
        var markerIgnored = marker is null && IncidentMarker.Read(kept.Body) is not null;
        return new IncidentSelection(kept, kept.Number, marker, markerIgnored, [.. ours.Skip(1).Where(i => i.Title == IncidentText.Title)], ignored);
    }
}
