using System.Text;
using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.History;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.PredictTests.Evaluate;

/// <summary>
/// Replays the last N non-merge commits: for each commit that changes both source files and existing test
/// files, plans from the source changes alone using only the parent's tree (map, files, import graph), and
/// checks the co-changed tests (Zaidman et al.'s proxy for failures) were selected.
/// </summary>
public static class Evaluator
{
    /// <summary>Runs the evaluation.</summary>
    public static async Task<EvaluationResult> EvaluateAsync(GitRepository git, PlanRules rules, string testMapPath, int maxCommits, CancellationToken cancellationToken, Impact.ImpactIndex? impact = null)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(rules);
        var list = await git.TextAsync(["rev-list", "--no-merges", $"--max-count={maxCommits}", "HEAD"], cancellationToken)
            ?? throw new Core.Errors.ActionException($"{git.Directory} has no history to evaluate (git rev-list failed).") { Title = "no history" };
        var commits = list.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // One read of the log; each replayed commit learns only from the commits after it (older ones).
        var (history, historyNote) = await HistoryReader.ReadAsync(git, "HEAD", rules.HistoryCommits == 0 ? 0 : maxCommits + rules.HistoryCommits, HistoryReader.Timeout, cancellationToken);
        var objects = new GitObjects(git);
        var specifierCache = new Dictionary<string, ModuleFacts>(StringComparer.Ordinal); // blob SHA → its imports and exports
        var results = new List<CommitEvaluation>();
        var configCache = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal); // config blobs → files their runners do not run
        var usedMap = false;
        foreach (var sha in commits)
        {
            var parent = await git.ResolveAsync(sha + "^", cancellationToken);
            if (parent is null)
            {
                continue;
            }

            var changes = await git.DiffAsync(parent, sha, cancellationToken) ?? [];
            var tree = await objects.TreeAsync(parent, cancellationToken);
            // What is a test is the runner configs' call at the parent, as in plan mode (Playwright's folders keep theirs).
            var notTests = await NotRunAsync(objects, tree, rules, configCache, cancellationToken);
            bool IsTest(string path) => rules.TestFiles.IsMatch(path) && !notTests.Contains(path);
            var source = changes.Where(c => !c.Paths.Any(IsTest) && !c.Paths.All(rules.Ignore.IsMatch)).ToList();
            var truth = changes.Where(c => c.Kind != ChangeKind.Removed && IsTest(c.Path) && tree.ContainsKey(c.Path)).Select(c => c.Path).Distinct().ToList();
            // A commit qualifies when it changed source files: docs, images and other low-risk files beside a test
            // change are not a change any test could catch.
            if (!source.Any(c => !c.Paths.All(rules.LowRisk.IsMatch)) || truth.Count == 0)
            {
                continue;
            }

            // Plan from the parent with the commit's non-test changes applied, as the issue defines it: a source file
            // the commit adds is then imported by the files the commit edits, as in plan mode on the head. Every path a
            // change touches (both sides of a rename) takes its state in the commit, whatever the order of the changes,
            // and a commit that only removes source files has them removed too (plan mode on the head never sees them).
            var parentBlobs = source.Where(c => c.Kind == ChangeKind.Modified && tree.ContainsKey(c.Path)).ToDictionary(c => c.Path, c => tree[c.Path], StringComparer.Ordinal);
            var head = source.Any(c => c.Kind != ChangeKind.Removed) ? await objects.TreeAsync(sha, cancellationToken) : null;
            foreach (var path in source.SelectMany(c => c.Paths))
            {
                if (head is not null && head.TryGetValue(path, out var blob))
                {
                    tree[path] = blob;
                }
                else
                {
                    tree.Remove(path);
                }
            }

            var files = tree.Keys.ToHashSet(StringComparer.Ordinal);
            var needed = files.Where(RepositoryScanner.IsScanned).Select(f => tree[f]).Where(b => !specifierCache.ContainsKey(b))
                .Concat(tree.TryGetValue(testMapPath, out var mapBlob) ? [mapBlob] : [])
                .Concat(files.Where(RepositoryScanner.IsConfig).Select(f => tree[f]))
                .Distinct().ToList();
            var blobs = await objects.BlobsAsync(needed, cancellationToken);
            var markup = files.Where(f => f.EndsWith(".vue", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".svelte", StringComparison.OrdinalIgnoreCase)).Select(f => tree[f]).ToHashSet(StringComparer.Ordinal);
            foreach (var (blob, text) in blobs)
            {
                specifierCache.TryAdd(blob, ModuleAnalyzer.Analyze(text, markup.Contains(blob) ? "file.vue" : null));
            }

            string? Read(string path) => tree.TryGetValue(path, out var b) && blobs.TryGetValue(b, out var t) ? t : null;
            var perFile = files.Where(RepositoryScanner.IsScanned).ToDictionary(f => f, f => specifierCache.GetValueOrDefault(tree[f]) ?? ModuleFacts.Whole([]), StringComparer.Ordinal);
            var graph = RepositoryScanner.BuildGraph(files, Read, rules.TraceReExports, perFile);
            var (map, _) = Read(testMapPath) is { } mapText ? TestMap.Parse(mapText, testMapPath) : (null, []);
            usedMap |= map is not null;
            var allTests = rules.TestFiles.MatchAll(files);
            allTests.ExceptWith(notTests);
            allTests.UnionWith((map?.AllTests ?? []).Where(files.Contains));
            var planInput = new PlanInput
            {
                Changes = new ChangeSet(source, $"{parent}..{sha}", true, []),
                Map = map ?? new TestMap([]),
                AllTests = allTests,
                NotTests = notTests,
                Graph = graph,
                History = history is not null && history.IndexOf(sha) is var at and >= 0 ? history.Window(at, rules.HistoryCommits) : null,
                HistoryNote = historyNote,
            };
            var plan = TestPlanner.Plan(planInput, rules);
            var withImpact = impact is null ? null : await ImpactReplay.PlanAsync(git, impact, planInput, rules, parent, sha, parentBlobs, truth, cancellationToken);
            var selected = plan.Tests.Select(t => t.Path).ToHashSet(StringComparer.Ordinal);
            var packageRule = plan.PackageRule?.ToHashSet(StringComparer.Ordinal);
            results.Add(new CommitEvaluation(
                sha, source.Count, truth, selected.Count, allTests.Count, truth.Count(selected.Contains), plan.RunAll, ShardBalancer.Imbalance(plan.Shards), plan.RunAll ? plan.RunAllReasons.FirstOrDefault() : null,
                packageRule?.Count, packageRule is null ? null : truth.Count(packageRule.Contains), withImpact));
        }

        return new EvaluationResult(Summarize(commits.Length, results, usedMap), results);
    }

    /// <summary>The files the parent's runner configs do not run, cached by the configs' blobs (they rarely change).</summary>
    private static async Task<IReadOnlySet<string>> NotRunAsync(GitObjects objects, Dictionary<string, string> tree, PlanRules rules, Dictionary<string, IReadOnlySet<string>> cache, CancellationToken cancellationToken)
    {
        var configs = tree.Keys.Where(f => Runners.RunnerTestFiles.IsConfig(f)).Order(StringComparer.Ordinal).ToList();
        var key = string.Join(',', configs.Select(c => tree[c]));
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var texts = await objects.BlobsAsync([.. configs.Select(c => tree[c]).Distinct()], cancellationToken);
        string? Read(string path) => tree.TryGetValue(path, out var b) && texts.TryGetValue(b, out var t) ? t : null;
        var playwrightFolders = configs.Where(c => c[(c.LastIndexOf('/') + 1)..].StartsWith("playwright.config.", StringComparison.Ordinal))
            .Select(c => c.Contains('/', StringComparison.Ordinal) ? c[..c.LastIndexOf('/')] : string.Empty).ToList();
        var candidates = rules.TestFiles.MatchAll(tree.Keys);
        var notRun = Runners.RunnerTestFiles.NotRun(candidates, configs, Read,
            t => playwrightFolders.Any(f => f.Length == 0 || t.StartsWith(f + "/", StringComparison.Ordinal)));
        cache[key] = notRun;
        return notRun;
    }

    internal static EvaluationSummary Summarize(int scanned, IReadOnlyList<CommitEvaluation> results, bool usedMap)
    {
        double Ratio(CommitEvaluation c) => c.TotalTests == 0 ? 1 : (double)c.Selected / c.TotalTests;
        var precise = results.Where(r => !r.RunAll).ToList();
        var withRule = results.Where(r => r.PackageRuleSelected is not null).ToList();
        return new EvaluationSummary(
            scanned,
            results.Count,
            Share(results.Count(r => r.Hits > 0), results.Count),
            Share(precise.Count(r => r.Hits > 0), precise.Count),
            Share(results.Sum(r => r.Hits), results.Sum(r => r.GroundTruth.Count)),
            results.Count == 0 ? 0 : Math.Round(results.Average(Ratio), 4),
            precise.Count == 0 ? 0 : Math.Round(precise.Average(Ratio), 4),
            Share(results.Count(r => r.RunAll), results.Count),
            results.Count == 0 ? 0 : Math.Round(results.Average(r => r.Imbalance), 3),
            usedMap,
            Median(results.Select(Ratio)),
            withRule.Count == 0 ? null : Share(withRule.Count(r => r.PackageRuleHits > 0), withRule.Count),
            withRule.Count == 0 ? null : Math.Round(withRule.Average(r => r.TotalTests == 0 ? 1 : (double)r.PackageRuleSelected!.Value / r.TotalTests), 4),
            ImpactTotalsOf(results));
    }

    private static ImpactTotals? ImpactTotalsOf(IReadOnlyList<CommitEvaluation> results)
    {
        var used = results.Where(r => r.Impact is not null).ToList();
        if (used.Count == 0)
        {
            return null;
        }

        double Ratio(int selected, int total) => total == 0 ? 1 : (double)selected / total;
        return new ImpactTotals(
            used.Count,
            Share(used.Count(r => r.Impact!.Hits > 0), used.Count),
            Math.Round(used.Average(r => Ratio(r.Impact!.Selected, r.TotalTests)), 4),
            Share(used.Count(r => r.Impact!.RunAll), used.Count),
            Share(used.Count(r => r.Hits > 0), used.Count),
            Math.Round(used.Average(r => Ratio(r.Selected, r.TotalTests)), 4),
            Share(used.Count(r => r.RunAll), used.Count),
            Median(used.Where(r => r.Impact!.AgeCommits is not null).Select(r => (double)r.Impact!.AgeCommits!.Value)),
            used.Sum(r => r.Impact!.Lines), used.Sum(r => r.Impact!.FileLevel), used.Sum(r => r.Impact!.NoData), used.Sum(r => r.Impact!.GraphSmaller),
            used.Sum(r => r.Impact!.OutsideFunctions), used.Sum(r => r.Impact!.DriftMapped), used.Sum(r => r.Impact!.DriftUnmappable),
            used.Sum(r => r.Impact!.DriftEnclosing), used.Sum(r => r.Impact!.Declarations));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : Math.Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 4);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
