using System.Globalization;

namespace Bookiji.Actions.PredictTests.History;

/// <summary>
/// Narrows an import-graph selection that hubs made too wide: keeps every test another rule chose and every
/// direct importer of a changed file, then adds the tests that most often changed together with the changed
/// files in earlier commits (nearer in the import graph first on ties) until they cover the target share of
/// those historical co-changes. Whenever the evidence is missing or thin the selection is left whole.
/// </summary>
public static class HubRanker
{
    /// <summary>Fewer earlier commits than this that changed the files together with tests: too little to learn from.</summary>
    public const int MinCommits = 3;

    /// <summary>The ranking applies only when the graph selects more than this share of the tests.</summary>
    public const double Threshold = 0.35;

    /// <summary>
    /// The narrowed selection and a note saying how the estimate was made (null when no ranking was needed).
    /// <paramref name="distance"/> gives import-graph distance for tests selected only through imports; tests
    /// absent from it were chosen by another rule and are always kept.
    /// </summary>
    public static (Dictionary<string, string> Selected, string? Note) Rank(
        Dictionary<string, string> selected, IReadOnlyDictionary<string, int> distance, IReadOnlyList<string> sources,
        int totalTests, CoChangeWindow? window, string? historyNote, double targetRecall, Func<string, bool> isTest)
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

        var (weights, commits) = window.CoChanges(sources, isTest);
        var total = selected.Keys.Sum(t => weights.GetValueOrDefault(t));
        if (commits < MinCommits || total == 0)
        {
            return (selected, $"{head}; only {commits} of the last {window.Commits} commits changed these files together with a test, too few to rank by, so all of them run.");
        }

        var kept = selected.Where(s => !distance.TryGetValue(s.Key, out var d) || d <= 1).ToDictionary(StringComparer.Ordinal);
        var covered = kept.Keys.Sum(t => weights.GetValueOrDefault(t));
        var needed = targetRecall * total;
        foreach (var test in selected.Keys.Where(t => !kept.ContainsKey(t) && weights.GetValueOrDefault(t) > 0)
            .OrderByDescending(t => weights[t]).ThenBy(t => distance[t]).ThenBy(t => t, StringComparer.Ordinal))
        {
            if (covered >= needed)
            {
                break;
            }

            kept[test] = $"{selected[test]} (changed with these files in {weights[test]} of {commits} earlier commits)";
            covered += weights[test];
        }

        var estimate = (double)covered / total;
        return (kept, string.Create(CultureInfo.InvariantCulture,
            $"{head}; ranked by co-change: kept {kept.Count} — every direct importer, changed test and rule-selected test, plus the tests that most often changed together with these files in {commits} of the last {window.Commits} earlier commits. " +
            $"Estimated recall {estimate:0.###} (target {targetRecall:0.###}) = the share of those commits' test changes among the graph's selection that the kept tests cover; it assumes the next failure looks like past co-changes, and tests that never changed with these files are skipped."));
    }
}
