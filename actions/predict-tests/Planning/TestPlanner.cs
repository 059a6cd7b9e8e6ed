using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.History;
using Bookiji.Actions.PredictTests.Impact;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>
/// The pure core: changed files, the test map, the import graph and durations → the plan. Every path that
/// could hide a failure leads to more tests, never fewer: safety triggers, incomplete change lists,
/// unusable maps and source changes no rule covers all run everything, each with its reason.
/// </summary>
public static class TestPlanner
{
    /// <summary>The default duration of a test with no history, when no test has one.</summary>
    public const double DefaultSeconds = 30;

    /// <summary>Makes the plan, with the package rule's selection beside it.</summary>
    public static TestPlan Plan(PlanInput input, PlanRules rules)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rules);
        var plan = PlanCore(input, rules);
        if (input.Impact is { } impact && plan.Impact is null)
        {
            plan = plan with { Impact = ImpactRule.Report(impact, rules.FailureRuns) };
        }

        // The data is restored from a cache: only tests of this repository are named anywhere (outputs, summary).
        if (plan.Impact is { } report)
        {
            plan = plan with
            {
                Impact = report with
                {
                    Flaky = [.. report.Flaky.Where(f => input.AllTests.Contains(f.Test))],
                    RecentFailures = [.. report.RecentFailures.Where(f => input.AllTests.Contains(f.Test))],
                },
            };
        }

        if (rules.QuarantineFlaky && plan.Impact?.Flaky is { Count: > 0 } flaky)
        {
            plan = Quarantine(plan, input, rules, flaky.Select(f => f.Test).Where(input.AllTests.Contains).ToHashSet(StringComparer.Ordinal));
        }

        if (input.Graph?.Packages is not { Packages.Count: > 0 } packages || !input.Changes.Complete)
        {
            return plan;
        }

        var changed = input.Changes.Files.SelectMany(f => f.Paths).Distinct(StringComparer.Ordinal).ToList();
        return plan with { PackageRule = packages.TestsOf(packages.Affected(changed), input.AllTests) };
    }

    /// <summary>
    /// Moves the flaky tests out of the blocking selection into <see cref="TestPlan.Quarantined"/>: the test job runs them in a
    /// non-blocking step (never a silent skip). A run-all plan keeps every test and lists them, for the job to exclude.
    /// </summary>
    private static TestPlan Quarantine(TestPlan plan, PlanInput input, PlanRules rules, HashSet<string> flaky)
    {
        var quarantined = plan.RunAll ? [.. flaky.Order(StringComparer.Ordinal)] : plan.Tests.Select(t => t.Path).Where(flaky.Contains).ToList();
        if (quarantined.Count == 0 || plan.RunAll)
        {
            return plan with { Quarantined = quarantined };
        }

        var kept = plan.Tests.Where(t => !flaky.Contains(t.Path)).ToList();
        return Build(input, rules, plan.Risk, plan.RiskReason, false, [], kept, [.. plan.Warnings]) with
        {
            Ranking = plan.Ranking,
            Impact = plan.Impact,
            Quarantined = quarantined,
            Skipped = [.. plan.Skipped],
        };
    }

    private static TestPlan PlanCore(PlanInput input, PlanRules rules)
    {
        var warnings = new List<string>(input.Changes.Problems);
        warnings.AddRange(input.MapProblems);
        if (input.Disabled)
        {
            return RunAll(input, rules, Risk.Medium, "predictive selection is off", ["CI_PREDICTIVE_OFF / disabled is set: running every test."], warnings);
        }

        if (!input.Changes.Complete)
        {
            return RunAll(input, rules, Risk.High, "the change list is incomplete", ["The changed-file list is incomplete (see warnings): running every test rather than missing one."], warnings);
        }

        var ignored = rules.Ignore.MatchAll(input.Changes.Files.SelectMany(f => f.Paths));
        var files = input.Changes.Files.Where(f => !f.Paths.All(ignored.Contains)).ToList();
        if (files.Count == 0)
        {
            return RunAll(input, rules, Risk.Medium, "no changed files", [$"No changed files were found ({input.Changes.Source}); the base may be wrong, so every test runs."], warnings);
        }

        // Without a map the import graph and the safety rules plan alone; a map that exists but cannot be used
        // was meant to say something, so everything runs.
        if (input.Map is null && input.MapProblems.Count > 0)
        {
            return RunAll(input, rules, Risk.Medium, "no usable test map", [input.MapProblems[0]], warnings);
        }

        var changedPaths = files.SelectMany(f => f.Paths).Distinct().ToList();
        var triggered = rules.AlwaysRunAll.MatchAll(changedPaths);
        var triggers = changedPaths
            .Select(p => p == rules.TestMapPath ? $"{p}: the test map itself changed" : triggered.Contains(p) ? $"{p}: matches always-run-all '{rules.AlwaysRunAll.FirstMatch(p)}'" : null)
            .OfType<string>().ToList();
        var (risk, riskReason) = ClassifyRisk(files, rules, input.NotTests);
        var setup = TestOwnedFiles.SetupClosure(input.Graph);
        var setupChanges = changedPaths.Where(p => !triggered.Contains(p) && p != rules.TestMapPath && setup.ContainsKey(p)).ToList();
        triggers.AddRange(setupChanges.Where(p => setup[p].Scope.Length == 0).Select(p => setup[p].Reason));
        if (triggers.Count > 0)
        {
            return RunAll(input, rules, risk, riskReason, triggers, warnings);
        }

        // Classify every path once, in bulk: per-path glob calls are what made large diffs slow.
        var paths = files.SelectMany(f => f.Paths).Distinct().ToList();
        var testPaths = rules.TestFiles.MatchAll(paths);
        testPaths.ExceptWith(input.NotTests);
        var lowPaths = rules.LowRisk.MatchAll(paths);
        var selected = new Dictionary<string, string>(StringComparer.Ordinal);
        var uncovered = new List<string>();
        var sources = files.Where(f => !testPaths.Contains(f.Path)).ToList();
        var distance = new Dictionary<string, int>(StringComparer.Ordinal);
        // A setup file of a nested config (a workspace package's vitest.config) runs before that package's tests only.
        foreach (var path in setupChanges)
        {
            foreach (var test in input.AllTests.Where(t => t.StartsWith(setup[path].Scope + "/", StringComparison.Ordinal)))
            {
                selected.TryAdd(test, setup[path].Reason);
            }
        }

        foreach (var file in files.Where(f => testPaths.Contains(f.Path)))
        {
            if (file.Kind != ChangeKind.Removed && input.AllTests.Contains(file.Path))
            {
                selected.TryAdd(file.Path, file.Kind == ChangeKind.Added ? "new test file" : "changed test file");
            }
        }

        if (input.Graph?.Unresolved is { Count: > 0 } unresolved)
        {
            warnings.Add($"{unresolved.Count} import(s) name a repository path that matches no file (e.g. {string.Join(", ", unresolved.Take(3).Select(u => $"'{u.Specifier}' in {u.File}"))}); " +
                "each counts as importing the files it could still mean, and a changed file no test reaches still runs everything.");
        }

        // One reverse walk from every changed source file selects the importing tests; one forward walk from
        // every test tells which changed files any test reaches at all.
        var reachedByTests = input.Graph?.ReachedFrom(input.AllTests) ?? [];
        // Impact data first: the files it decides leave the import graph's walk (it may only narrow a selection).
        var (decided, impactReport) = input.Impact is { } impact
            ? ImpactRule.Apply(impact, sources.Where(f => !lowPaths.Contains(f.Path)), input, rules.FailureRuns, selected, distance)
            : ([], null);
        if (input.Graph is not null)
        {
            foreach (var (test, chain) in input.Graph.DependentTests(sources.SelectMany(f => f.Paths).Where(p => !decided.Contains(p)), input.AllTests.Contains))
            {
                if (selected.TryAdd(test, "imports " + string.Join(" → ", chain.Skip(1))))
                {
                    distance[test] = chain.Count - 1;
                }
            }
        }

        var packages = input.Graph?.Packages;
        var orphans = new Lazy<List<string>>(() => Orphans(input)); // one reverse walk per plan, shared by both rules below
        // Only changed code can affect what a test loads at run time: docs and other low-risk files affect no orphan.
        var code = sources.SelectMany(f => f.Paths).Where(p => !lowPaths.Contains(p) && Graph.RepositoryScanner.IsScanned(p)).ToList();
        var affected = packages is { Packages.Count: > 0 } && code.Count > 0 ? packages.Affected(code) : null;
        if (input.Graph is not null && packages is not null && affected is not null)
        {
            SelectOrphans(orphans.Value, packages, affected, selected, distance, warnings);
        }

        foreach (var file in sources)
        {
            if (file.Kind != ChangeKind.Removed && SnapshotOwner.Find(file.Path, input.AllTests) is { } owner)
            {
                selected.TryAdd(owner, $"its snapshot {file.Path} changed");
                distance.Remove(owner); // chosen by a rule, so ranking keeps it
                continue;
            }

            var covered = SelectFromMap(file, input, selected, distance, warnings) | decided.Contains(file.Path) | file.Paths.Any(reachedByTests.Contains) | file.Paths.Any(setup.ContainsKey);
            if (!covered && file.Kind != ChangeKind.Removed && TestOwnedFiles.FixtureOwners(file.Path, input.AllTests) is { Count: > 0 } owners)
            {
                foreach (var fixtureOwner in owners)
                {
                    selected.TryAdd(fixtureOwner, $"{file.Path} is a fixture beside it");
                    distance.Remove(fixtureOwner);
                }

                covered = true;
            }

            if (!covered && !file.Paths.All(lowPaths.Contains))
            {
                uncovered.Add(file.Path);
            }
        }

        // No import reaches these files, but each lies in a workspace package: the package rule runs every test of
        // the packages they affect, as Nx and Turborepo would, with the root package's tests and every test that
        // imports none of the sources (either may exercise the file by process, HTTP or fs) — instead of everything.
        // A removed file (no longer in the graph, so never reached) and a rule that finds no test still run everything.
        var removed = sources.Where(f => f.Kind == ChangeKind.Removed).SelectMany(f => f.Paths).ToHashSet(StringComparer.Ordinal);
        if (uncovered.Count > 0 && packages is { IsMonorepo: true } && input.Graph is not null
            && uncovered.All(f => !removed.Contains(f) && packages.OwnerOf(f) is { Directory.Length: > 0 }))
        {
            var reach = packages.Affected(uncovered);
            var fallback = packages.TestsOf(reach, input.AllTests)
                .Concat(input.AllTests.Where(t => packages.OwnerOf(t) is null or { Directory.Length: 0 }))
                .Concat(orphans.Value)
                .ToHashSet(StringComparer.Ordinal);
            if (fallback.Count > 0)
            {
                var names = string.Join(", ", packages.Packages.Where(p => reach.Contains(p.Directory)).Select(p => p.Manifest.Name ?? p.Directory).Order(StringComparer.Ordinal).Take(5));
                foreach (var test in fallback.Order(StringComparer.Ordinal))
                {
                    if (selected.TryAdd(test, $"{uncovered[0]}{(uncovered.Count > 1 ? $" and {uncovered.Count - 1} more" : string.Empty)}: no import reaches it; the tests of the packages it affects ({names}), of the root package and those importing no source run"))
                    {
                        distance.Remove(test);
                    }
                }

                warnings.Add($"{uncovered.Count} changed file(s) no test imports (e.g. {uncovered[0]}): the tests of the packages they affect ({names}), of the root package and those importing no source run, not every test.");
                uncovered.Clear();
            }
        }

        if (uncovered.Count > 0)
        {
            return RunAll(input, rules, risk, riskReason,
                [.. uncovered.Take(20).Select(p => $"{p}: no test-map feature or importing test covers it"), .. uncovered.Count > 20 ? [$"… and {uncovered.Count - 20} more uncovered files"] : Array.Empty<string>()],
                warnings);
        }

        if (risk == Risk.High && rules.HighRiskRunsAll)
        {
            return RunAll(input, rules, risk, riskReason, [$"High-risk change ({riskReason}): comprehensive run of every test."], warnings);
        }

        var (ranked, ranking) = HubRanker.Rank(selected, distance, [.. sources.SelectMany(f => f.Paths).Distinct()], input.AllTests.Count, input.History, input.HistoryNote, rules.TargetRecall);
        var tests = ranked.Select(s => new SelectedTest(s.Key, s.Value)).OrderBy(t => t.Path, StringComparer.Ordinal).ToList();
        return Build(input, rules, risk, riskReason, runAll: false, [], tests, warnings) with { Ranking = ranking, Impact = impactReport };
    }

    /// <summary>
    /// The plan of last resort, when the action itself failed: every known test (possibly none known — the
    /// consumer then runs its whole suite), high risk, the failure as the reason.
    /// </summary>
    public static TestPlan Fallback(IReadOnlySet<string> allTests, int maxShards, string reason)
    {
        ArgumentNullException.ThrowIfNull(allTests);
        var input = new PlanInput { Changes = new ChangeSet([], "not collected (the action failed)", false, []), AllTests = allTests };
        var rules = PlanRules.Defaults() with { MaxShards = maxShards };
        return RunAll(input, rules, Risk.High, "the action failed", [reason], []);
    }

    /// <summary>Shards for a risk level: low 1, medium 2, high 4, capped by max-shards and by the number of tests.</summary>
    public static int ShardsFor(Risk risk, int maxShards, int testCount) =>
        Math.Max(1, Math.Min(Math.Min(risk switch { Risk.Low => 1, Risk.Medium => 2, _ => 4 }, Math.Max(1, maxShards)), Math.Max(1, testCount)));

    /// <summary>Rebuilds a plan with extra tests or a higher risk (e.g. from the LLM), never dropping a test.</summary>
    public static TestPlan Extend(TestPlan plan, PlanInput input, PlanRules rules, IEnumerable<SelectedTest> extra, Risk risk, string riskReason)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.RunAll)
        {
            return plan;
        }

        var tests = plan.Tests.Concat(extra.Where(e => !plan.Tests.Any(t => t.Path == e.Path))).OrderBy(t => t.Path, StringComparer.Ordinal).ToList();
        var finalRisk = risk > plan.Risk ? risk : plan.Risk;
        return Build(input, rules, finalRisk, finalRisk == plan.Risk ? plan.RiskReason : riskReason, false, [], tests, [.. plan.Warnings]) with { PackageRule = plan.PackageRule };
    }

    /// <summary>
    /// Tests that reach none of the sources by imports (they load the build, spawn a process, read files): never
    /// skipped silently. Each runs when its package, or one its package depends on, is affected by the change.
    /// </summary>
    private static void SelectOrphans(IReadOnlyList<string> orphans, Graph.PackageMap packages, IReadOnlySet<string> affected, Dictionary<string, string> selected, Dictionary<string, int> distance, List<string> warnings)
    {
        var chosen = 0;
        foreach (var test in orphans)
        {
            if (packages.OwnerOf(test) is { } owner && affected.Contains(owner.Directory)
                && selected.TryAdd(test, $"imports none of the sources; its package {owner.Manifest.Name ?? (owner.Directory.Length == 0 ? "(root)" : owner.Directory)} is affected"))
            {
                distance.Remove(test);
                chosen++;
            }
        }

        if (chosen > 0)
        {
            warnings.Add($"{chosen} of {orphans.Count} test(s) that import none of the sources (they may load the build or spawn a process) run because their package is affected; such tests are never skipped silently.");
        }
    }

    /// <summary>The tests that reach none of the sources by imports; a test the map names is the map's to place.</summary>
    private static List<string> Orphans(PlanInput input)
    {
        var graph = input.Graph!;
        var sourceNodes = graph.ImportedFiles.Where(f => !input.AllTests.Contains(f) && !Graph.TestSupport.IsSupportPath(f));
        var reaching = graph.TestsReaching(sourceNodes, input.AllTests.Contains);
        var mapped = (input.Map?.AllTests ?? []).ToHashSet(StringComparer.Ordinal);
        return [.. input.AllTests.Where(t => !reaching.Contains(t) && !mapped.Contains(t))];
    }

    private static bool SelectFromMap(ChangedFile file, PlanInput input, Dictionary<string, string> selected, Dictionary<string, int> distance, List<string> warnings)
    {
        var covered = false;
        foreach (var feature in input.Map?.Features ?? [])
        {
            var why = file.Paths.Select(feature.Explain).FirstOrDefault(w => w is not null);
            if (why is null)
            {
                continue;
            }

            foreach (var test in feature.Tests)
            {
                if (input.AllTests.Contains(test))
                {
                    selected.TryAdd(test, $"{why} ← {file.Path}");
                    distance.Remove(test);
                    covered = true;
                }
                else if (!warnings.Any(w => w.Contains(test, StringComparison.Ordinal)))
                {
                    warnings.Add($"The test map's feature '{feature.Name}' names {test}, which does not exist; it cannot be run.");
                }
            }
        }

        return covered;
    }

    private static (Risk Risk, string Reason) ClassifyRisk(IReadOnlyList<ChangedFile> files, PlanRules rules, IReadOnlySet<string> notTests)
    {
        // A test file named after auth or payments is not itself high-risk code: it only selects itself.
        var all = files.SelectMany(f => f.Paths).Distinct().ToList();
        var tests = rules.TestFiles.MatchAll(all);
        tests.ExceptWith(notTests);
        var code = all.Where(p => !tests.Contains(p)).ToList();
        if (code.Count == 0)
        {
            return (Risk.Medium, "only test files changed");
        }

        var high = rules.HighRisk.MatchAll(code);
        if (code.FirstOrDefault(high.Contains) is { } risky)
        {
            return (Risk.High, $"{risky} matches high-risk '{rules.HighRisk.FirstMatch(risky)}'");
        }

        var low = rules.LowRisk.MatchAll(code);
        return code.All(low.Contains)
            ? (Risk.Low, "only docs/config files changed")
            : (Risk.Medium, "regular code changes");
    }

    private static TestPlan RunAll(PlanInput input, PlanRules rules, Risk risk, string riskReason, IReadOnlyList<string> reasons, List<string> warnings) =>
        Build(input, rules, risk, riskReason, runAll: true, reasons,
            [.. input.AllTests.Order(StringComparer.Ordinal).Select(t => new SelectedTest(t, "run all"))], warnings);

    /// <summary>
    /// The most characters a selection's file list may take: each list output (tests, test-glob, shard-matrix) holds at
    /// most about this much, so the job's outputs stay under GitHub's 1 MB by construction. A larger selection runs
    /// everything (run-all outputs list no files).
    /// </summary>
    public const int MaxListChars = 200 * 1024;

    private static TestPlan Build(PlanInput input, PlanRules rules, Risk risk, string riskReason, bool runAll, IReadOnlyList<string> reasons, IReadOnlyList<SelectedTest> tests, List<string> warnings)
    {
        if (!runAll && tests.Sum(t => (long)t.Path.Length + 4) > MaxListChars)
        {
            return RunAll(input, rules, risk, riskReason,
                [$"The selection of {tests.Count:N0} tests is too long for GitHub's 1 MB limit on a job's outputs ({MaxListChars / 1024} KiB per list); every test runs instead (ci-plan.json lists them)."], warnings);
        }

        var known = input.Durations.Count > 0;
        var fallback = known ? Median(input.Durations.Values) : DefaultSeconds;
        double Duration(string test) => input.Durations.TryGetValue(test, out var seconds) ? seconds : fallback;
        var shardCount = ShardsFor(runAll && risk < Risk.Medium ? Risk.Medium : risk, rules.MaxShards, tests.Count);
        return new TestPlan
        {
            Risk = risk,
            RiskReason = riskReason,
            RunAll = runAll,
            RunAllReasons = reasons,
            Tests = tests,
            Shards = ShardBalancer.BalanceByRunner([.. tests.Select(t => t.Path)], shardCount, Duration, t => input.Runners.GetValueOrDefault(t, Runners.TestRunners.Unknown)),
            Warnings = warnings,
            TotalTests = input.AllTests.Count,
            Skipped = [.. input.AllTests.Except(tests.Select(t => t.Path), StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            EstimatedSecondsAll = Math.Round(input.AllTests.Sum(Duration), 1),
            EstimatedSecondsSelected = Math.Round(tests.Sum(t => Duration(t.Path)), 1),
            DurationsKnown = known,
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? DefaultSeconds : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
