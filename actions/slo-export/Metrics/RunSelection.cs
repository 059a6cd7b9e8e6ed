namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>The pure step from validated runs to the runs that count: future runs out, each run id once, oldest first.</summary>
public static class RunSelection
{
    /// <summary>How far ahead of the clock a timestamp may be (runner clocks drift) before it counts as future.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Selects the runs that count; issues are appended to <paramref name="issues"/>.</summary>
    public static IReadOnlyList<CiRun> Select(IEnumerable<CiRun> runs, DateTimeOffset now, ICollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(issues);
        var present = new List<CiRun>();
        foreach (var run in runs)
        {
            if (run.Timestamp > now + ClockSkew)
            {
                issues.Add(new DataIssue(DataIssueKind.FutureTimestamp, run.File, $"timestamp {Core.Toolkit.IsoTimestamp.Format(run.Timestamp)} is after the export's clock ({Core.Toolkit.IsoTimestamp.Format(now)})"));
            }
            else
            {
                present.Add(run);
            }
        }

        var selected = new List<CiRun>(present.Count);
        foreach (var group in present.GroupBy(r => r.RunId))
        {
            // A re-run shares the run id: the latest attempt is the run's verdict; ties go to the first file name in ordinal order.
            var ordered = group.OrderByDescending(r => r.RunAttempt).ThenByDescending(r => r.Timestamp).ThenBy(r => r.File, StringComparer.Ordinal).ToList();
            selected.Add(ordered[0]);
            foreach (var duplicate in ordered.Skip(1))
            {
                issues.Add(new DataIssue(DataIssueKind.DuplicateRun, duplicate.File, $"runId {duplicate.RunId} is also in {ordered[0].File} (attempt {ordered[0].RunAttempt}); the run is counted once"));
            }
        }

        selected.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : a.RunId.CompareTo(b.RunId));
        return selected;
    }
}
