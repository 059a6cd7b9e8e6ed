using System.Globalization;

namespace Bookiji.Actions.PredictTests.History;

/// <summary>
/// Narrows an import-graph selection that hubs made too wide. Evidence: the earlier commits that changed the
/// same files together with tests the graph selected. Kept always: every test another rule chose and every
/// direct importer of a changed file. Then, greedily, the test that appears in most still-uncovered earlier
/// commits (nearer in the import graph first on ties), until the kept tests cover the target share of those
/// commits — the historical analogue of change recall. Missing or thin evidence leaves the selection whole.
/// </summary>
public static class HubRanker
{
    /// <summary>Fewer earlier commits than this that changed the files together with tests: too little to learn from.</summary>
    public const int MinCommits = 10;

    /// <summary>The ranking applies only when the graph selects more than this share of the tests.</summary>
    public const double Threshold = 0.35;

    /// <summary>
    /// The narrowed selection and a note saying how the estimate was made (null when no ranking was needed).
    /// <paramref name="distance"/> gives import-graph distance for tests selected only through imports; tests
    /// absent from it were chosen by another rule and are always kept.
    /// </summary>
    public static (Dictionary<string, string> Selected, string? Note) Rank(
        Dictionary<string, string> selected, IReadOnlyDictionary<string, int> distance, IReadOnlyList<string> sources,
        int totalTests, CoChangeWindow? window, string? historyNote, double targetRecall)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(distance);
        if (totalTests == 0 || (double)selected.Count / totalTests <= Threshold)
        {
            return (selected, null);
        }

        var head = $"The import graph selected {selected.Count} of {totalTests} tests (over {Threshold:P0})";
        if (window is null)
        {
            return (selected, $"{head}; co-change ranking not used ({historyNote ?? "no history"}), so all of them run.");
        }

        var events = window.CoChanges(sources, selected.ContainsKey);
        if (events.Count < MinCommits)
        {
            return (selected, $"{head}; only {events.Count} of the last {window.Commits} earlier commits changed these files together with one of those tests, too few to rank by, so all of them run.");
        }

        // Leave-one-out: a test that changed in only one earlier commit is no evidence for that commit (it was
        // chosen because of it), so only always-kept tests and tests seen in two or more commits count as cover.
        var kept = selected.Where(s => !distance.TryGetValue(s.Key, out var d) || d <= 1).ToDictionary(StringComparer.Ordinal);
        var seen = events.SelectMany(e => e).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var uncovered = events.Where(e => !e.Any(kept.ContainsKey)).ToList();
        var needed = targetRecall * events.Count;
        while (uncovered.Count > 0 && events.Count - uncovered.Count < needed)
        {
            var best = uncovered.SelectMany(e => e).Where(t => seen[t] >= 2).GroupBy(t => t, StringComparer.Ordinal)
                .Select(g => (Test: g.Key, Hits: g.Count()))
                .OrderByDescending(c => c.Hits).ThenBy(c => distance.GetValueOrDefault(c.Test)).ThenBy(c => c.Test, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Test is null)
            {
                break;
            }

            kept[best.Test] = $"{selected[best.Test]} (changed with these files in {seen[best.Test]} earlier commits)";
            uncovered.RemoveAll(e => e.Contains(best.Test));
        }

        var estimate = (double)(events.Count - uncovered.Count) / events.Count;
        var how = $"the share of the {events.Count} of the last {window.Commits} earlier commits that changed these files together with those tests in which a kept test changed too, " +
            "counting a test only when it is always kept or changed in two or more of them (leave-one-out)";
        if (estimate < targetRecall)
        {
            return (selected, string.Create(CultureInfo.InvariantCulture,
                $"{head}; co-change ranking reaches an estimated recall of only {estimate:0.###} (target {targetRecall:0.###}; {how}), so all of them run."));
        }

        return (kept, string.Create(CultureInfo.InvariantCulture,
            $"{head}; ranked by co-change: kept {kept.Count} — every direct importer and changed or rule-selected test, plus the tests that changed most often with these files. " +
            $"Estimated recall {estimate:0.###} (target {targetRecall:0.###}) = {how}. It assumes the next break looks like past co-changes; tests that never changed with these files are skipped."));
    }
}
