using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Impact;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>
/// Impact data inside the planner: each modified source file the data knows is decided by the tests that executed its
/// changed lines — unless the import graph selects fewer (evidence must never make a safe plan larger). Tests the data has no
/// record of (added since the analysis, or without coverage) are kept wherever the import graph selects them.
/// </summary>
public static class ImpactRule
{
    /// <summary>The files the data decided (their tests added to <paramref name="selected"/>) and the report.</summary>
    public static (HashSet<string> Decided, ImpactReport Report) Apply(ImpactPlanInput impact, IEnumerable<ChangedFile> sources, PlanInput input, int failureRuns, Dictionary<string, string> selected, Dictionary<string, int> distance)
    {
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(input);
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var verdicts = new List<FileImpact>();
        foreach (var file in sources.Where(f => f.Kind == ChangeKind.Modified))
        {
            var change = impact.Changes.GetValueOrDefault(file.Path) ?? new FileChange(file.Path, null, null);
            var verdict = ImpactSelector.Decide(impact.Index, change);
            if (verdict.Evidence == ImpactEvidence.ImportGraph)
            {
                verdicts.Add(verdict);
                continue;
            }

            var chosen = verdict.Tests.Where(t => input.AllTests.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            var graph = input.Graph?.DependentTests([file.Path], input.AllTests.Contains) ?? new Dictionary<string, IReadOnlyList<string>>();
            foreach (var (test, chain) in graph.Where(g => !impact.Index.Tests.Contains(g.Key)))
            {
                chosen.TryAdd(test, "no impact record (new since the analysis, or no coverage); imports " + string.Join(" → ", chain.Skip(1)));
            }

            if (graph.Count > 0 && graph.Count < chosen.Count)
            {
                verdicts.Add(verdict with { Evidence = ImpactEvidence.ImportGraphSmaller, Tests = new Dictionary<string, string>(), Note = $"{verdict.Note}; the import graph's {graph.Count} test(s) are fewer than the data's {chosen.Count}, so the graph decides" });
                continue;
            }

            decided.Add(file.Path);
            foreach (var (test, why) in chosen)
            {
                if (selected.TryAdd(test, why))
                {
                    distance.Remove(test);
                }
            }

            verdicts.Add(verdict with { Tests = new Dictionary<string, string>() });
        }

        var failures = impact.Index.WithRecent(failureRuns, "fk");
        foreach (var (test, outcomes) in failures.Where(f => input.AllTests.Contains(f.Test)))
        {
            if (selected.TryAdd(test, $"failed or flaked in the last {failureRuns} analysed run(s) (outcomes, oldest first: {outcomes})"))
            {
                distance.Remove(test);
            }
        }

        return (decided, Report(impact, failureRuns) with { Files = verdicts });
    }

    /// <summary>The report without file verdicts (run-all plans, where no file was decided).</summary>
    public static ImpactReport Report(ImpactPlanInput impact, int failureRuns)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return new ImpactReport
        {
            Commit = impact.Index.Data.Commit,
            CreatedAt = impact.Index.Data.CreatedAt,
            AgeCommits = impact.AgeCommits,
            RecentFailures = impact.Index.WithRecent(failureRuns, "fk"),
            Flaky = impact.Index.WithRecent(failureRuns, "k"),
        };
    }
}
