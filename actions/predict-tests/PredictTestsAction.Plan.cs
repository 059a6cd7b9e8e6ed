using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using D = Bookiji.Actions.PredictTests.PredictTestsDefinition;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Durations;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Runners;
using Bookiji.Actions.PredictTests.History;
using Bookiji.Actions.PredictTests.Impact;
using Bookiji.Actions.PredictTests.Llm;
using Bookiji.Actions.PredictTests.Planning;
using Bookiji.Actions.PredictTests.Report;

namespace Bookiji.Actions.PredictTests;

public sealed partial class PredictTestsAction
{
    /// <summary>Changed files listed in the log before the rest is counted.</summary>
    private const int MaxLoggedChanges = 100;

    private static async Task PlanAsync(ActionRuntime runtime, PlanModeInputs inputs, PlanProgress progress, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var timings = new Dictionary<string, double>();
        var clock = runtime.Time;
        var mark = clock.GetTimestamp();
        void Lap(string name)
        {
            timings[name] = Math.Round(clock.GetElapsedTime(mark).TotalMilliseconds, 1);
            mark = clock.GetTimestamp();
        }

        var git = new GitRepository(inputs.RepositoryPath);
        var (files, map, mapProblems) = await core.Group("Listing files and reading the test map", async () =>
        {
            var listed = await git.IsRepositoryAsync(cancellationToken) ? await git.ListFilesAsync(cancellationToken: cancellationToken) : ListDirectory(inputs.RepositoryPath);
            var (testMap, problems) = await ReadMapAsync(inputs.RepositoryPath, inputs.Rules.TestMapPath, cancellationToken);
            core.Info($"{listed.Count} files; test map {inputs.Rules.TestMapPath}: {(testMap is null ? "not used" : $"{testMap.Features.Count} feature(s)")}.");
            return (listed, testMap, problems);
        });
        var fileSet = files.ToHashSet(StringComparer.Ordinal);
        string? ReadText(string path) => SourceReader.Read(Path.Combine(inputs.RepositoryPath, path));
        var allTests = inputs.Rules.TestFiles.MatchAll(files);
        var mapTests = (map?.AllTests ?? []).Where(fileSet.Contains).ToHashSet(StringComparer.Ordinal);
        allTests.UnionWith(mapTests);
        var runners = TestRunners.Detect(allTests, fileSet, ReadText);
        // The runner config decides what is a test; a test the map names, or Playwright or another runner runs, stays one.
        var notTests = RunnerTestFiles.NotRun(allTests, files, ReadText,
            t => mapTests.Contains(t) || runners.GetValueOrDefault(t) == TestRunners.Playwright || TestRunners.ImportsAnotherRunner(ReadText(t)));
        allTests.ExceptWith(notTests);
        progress.AllTests = allTests;
        if (notTests.Count > 0)
        {
            core.Info($"{notTests.Count} file(s) the test globs match are not run by the runner config in their folder (e.g. {notTests.Order(StringComparer.Ordinal).First()}): helpers, not tests.");
        }
        Lap("listFilesMs");

        var changes = inputs.Disabled
            ? new ChangeSet([], "not collected (disabled)", true, [])
            : await core.Group("Collecting changed files", async () =>
            {
                var collected = await ChangeCollector.CollectAsync(runtime.GitHub, git, inputs.GitHubToken, inputs.BaseRef, inputs.HeadRef, inputs.GitHubTimeout, cancellationToken);
                core.Info($"{collected.Files.Count} changed file(s) from {collected.Source}{(collected.Complete ? string.Empty : " (incomplete)")}:");
                foreach (var file in collected.Files.Take(MaxLoggedChanges))
                {
                    core.Info($"  {file.Kind.ToString().ToLowerInvariant()} {file.Path}{(file.PreviousPath is null ? string.Empty : " (was " + file.PreviousPath + ")")}");
                }

                if (collected.Files.Count > MaxLoggedChanges)
                {
                    core.Info($"  … and {collected.Files.Count - MaxLoggedChanges} more");
                }

                return collected;
            });
        Lap("changesMs");
        var graph = inputs.Disabled || (map is null && mapProblems.Count > 0) || !changes.Complete
            ? null
            : await core.Group("Building the import graph", () =>
            {
                var built = RepositoryScanner.BuildGraph(fileSet, ReadText, inputs.Rules.TraceReExports);
                core.Info($"{built.FileCount} files, {built.EdgeCount} import edges.");
                return Task.FromResult(built);
            });
        Lap("importGraphMs");
        var (history, historyNote) = graph is null
            ? (null, "no import graph")
            : await core.Group("Reading co-change history", async () =>
            {
                // Only commits older than the change: from the merge base, or the commit before HEAD.
                var read = await HistoryReader.ReadAsync(git, changes.Base ?? "HEAD~1", inputs.Rules.HistoryCommits, HistoryReader.Timeout, cancellationToken);
                core.Info(read.Note);
                return read;
            });
        Lap("historyMs");
        var (impact, impactProblem) = graph is null || inputs.ImpactDataPath is null
            ? (null, null)
            : await core.Group("Reading impact data", () => ReadImpactAsync(runtime, inputs, git, changes, cancellationToken));
        Lap("impactMs");
        var (durations, durationProblem) = inputs.DurationsPath is null
            ? (new Dictionary<string, double>(), null)
            : await DurationReader.ReadAsync(inputs.DurationsPath, inputs.RepositoryPath, cancellationToken);

        var planInput = new PlanInput
        {
            Changes = changes,
            Map = map,
            MapProblems = mapProblems,
            AllTests = allTests,
            NotTests = notTests,
            Runners = runners,
            Graph = graph,
            History = history?.Window(-1, inputs.Rules.HistoryCommits),
            HistoryNote = historyNote,
            Durations = durations,
            Disabled = inputs.Disabled,
            Impact = impact,
        };
        var plan = TestPlanner.Plan(planInput, inputs.Rules);
        Lap("planMs");
        foreach (var problem in new[] { impactProblem, durationProblem }.OfType<string>())
        {
            plan = plan with { Warnings = [.. plan.Warnings, problem] };
        }

        string? llmNote = null;
        if (inputs.Model is { } model && !plan.RunAll)
        {
            (plan, llmNote) = await core.Group($"Asking {model.Model}", () => RefineAsync(model, plan, planInput, inputs.Rules, cancellationToken));
            core.Info(llmNote);
        }

        await PredictTestsReport.WriteAsync(
            runtime,
            new PlanReport(plan, changes, inputs.AllTestsGlob, inputs.PlanPath)
            {
                Basis = (impact is null ? string.Empty : "impact data, ") + (map is null ? $"import graph and safety rules (no test map at {inputs.Rules.TestMapPath})" : "test map, import graph and safety rules"),
                Graph = graph is null ? null : (graph.FileCount, graph.EdgeCount),
                LlmNote = llmNote,
                Timings = timings,
                PrComment = (inputs.PrComment, inputs.GitHubToken),
            },
            cancellationToken);
        progress.Reported = true;
    }

    /// <summary>
    /// The impact data and what git says of the modified files; without usable data, null and why (a missing file at the
    /// default path is the first run or a cache miss: said in the log only).
    /// </summary>
    private static async Task<(ImpactPlanInput? Impact, string? Problem)> ReadImpactAsync(ActionRuntime runtime, PlanModeInputs inputs, GitRepository git, ChangeSet changes, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var path = runtime.RelativeToWorkspace(inputs.ImpactDataPath!);
        var (data, problem, missing) = await ImpactDataFile.ReadAsync(inputs.ImpactDataPath!, cancellationToken);
        if (data is null)
        {
            var explicitly = !string.IsNullOrEmpty(new InputReader(core).RawText(D.ImpactData));
            var note = missing
                ? $"No impact data at {path} (the first run, or the cache missed); the import graph plans."
                : $"Impact data not used: {problem}; the import graph plans.";
            core.Info(note);
            return (null, missing && !explicitly ? null : note);
        }

        var index = new ImpactIndex(data);
        var head = inputs.HeadRef ?? "HEAD";
        var baseRevision = changes.Base
            ?? (runtime.GitHub.PullRequestBaseSha is { Length: 40 } prBase ? await git.MergeBaseAsync(prBase, head, cancellationToken) : null)
            ?? (inputs.BaseRef is { } baseRef ? await git.MergeBaseAsync(baseRef, head, cancellationToken) : null);
        var modified = changes.Files.Where(f => f.Kind == ChangeKind.Modified).Select(f => f.Path).ToList();
        var prepared = await ImpactGit.PrepareAsync(git, index, baseRevision, head, modified, cancellationToken);
        core.Info($"Impact data from {data.Commit[..12]} ({data.CreatedAt:yyyy-MM-dd HH:mm} UTC{(prepared.AgeCommits is { } age ? $", {age} commit(s) before the base" : string.Empty)}): " +
            $"{data.Tests.Count} test(s), {data.Files.Count} source file(s); {prepared.Changes.Count} of {modified.Count} modified file(s) known to it" +
            (baseRevision is null ? "; no base revision for the change's lines, so known files fall back to file level." : "."));
        return (prepared, null);
    }

    /// <summary>The model's advice applied to the plan, or the plan unchanged with the reason the advice was not used.</summary>
    private static async Task<(TestPlan Plan, string Note)> RefineAsync(LlmOptions model, TestPlan plan, PlanInput planInput, PlanRules rules, CancellationToken cancellationToken)
    {
        var (advice, problem) = await new LlmRefiner(model).AdviseAsync(planInput.Changes.Files, plan, planInput.AllTests, cancellationToken);
        if (advice is null)
        {
            var note = $"Model refinement not used: {problem}; the heuristic plan stands.";
            return (plan with { Warnings = [.. plan.Warnings, note] }, note);
        }

        var refined = TestPlanner.Extend(plan, planInput, rules, advice.AddTests.Select(t => new SelectedTest(t, $"suggested by {model.Model}: {advice.Reason}")), advice.Risk, $"raised by {model.Model}: {advice.Reason}");
        return (refined, $"{model.Model} added {advice.AddTests.Count(t => plan.Tests.All(p => p.Path != t))} test(s), suggested risk {advice.Risk.ToString().ToLowerInvariant()}" +
            (advice.Ignored.Count > 0 ? $"; ignored {advice.Ignored.Count} unknown file(s)" : string.Empty) + ".");
    }

    /// <summary>
    /// The test map from the work tree: confined to the repository, bounded, typed. Absent: no map and no problem
    /// (the graph plans alone); present but unusable: a problem, and the plan runs everything.
    /// </summary>
    private static async Task<(TestMap? Map, IReadOnlyList<string> Problems)> ReadMapAsync(string repository, string relativePath, CancellationToken cancellationToken)
    {
        var (full, escape) = WorkspacePaths.Confine(relativePath, repository, []);
        if (full is null)
        {
            return (null, [TestMap.Problem(relativePath, escape ?? "leads outside the repository")]);
        }

        var file = await JsonFile.ReadAsync(full, PredictTestsJsonContext.Default.TestMap, TestMap.MaxBytes, cancellationToken);
        return file switch
        {
            { Value: { } map } => (map, []),
            { Missing: true } => (null, []),
            _ => (null, [TestMap.Problem(relativePath, file.Problem ?? "could not be read")]),
        };
    }

    /// <summary>Every file of a folder that is not a git work tree; folders it may not read are skipped, not fatal.</summary>
    private static List<string> ListDirectory(string root) =>
        [.. Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal) && !f.Contains("node_modules/", StringComparison.Ordinal))];
}
