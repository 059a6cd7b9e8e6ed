using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Durations;
using Bookiji.Actions.PredictTests.Evaluate;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Llm;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.PredictTests;

/// <summary>
/// Brief §1: choose the tests and shard count for a change — rules, the test map, the static import graph and an
/// optional model — and write <c>ci-plan.json</c>. Anything uncertain runs more tests, never fewer.
/// </summary>
public sealed class PredictTestsAction : IAction
{
    /// <inheritdoc />
    public string Name => Definition.Name;

    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => PredictTestsDefinition.Definition;

    /// <inheritdoc />
    public async Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var inputs = PredictTestsInputs.Parse(runtime);
        var git = new GitRepository(inputs.RepositoryPath);
        if (inputs.Mode == "evaluate")
        {
            var report = await Evaluator.EvaluateAsync(git, inputs.Rules, inputs.TestMapPath, inputs.EvaluateCommits, cancellationToken);
            await EvaluationReport.WriteAsync(runtime, inputs, report, cancellationToken);
            return;
        }

        var timings = new Dictionary<string, double>();
        var clock = runtime.Time;
        var mark = clock.GetTimestamp();
        void Lap(string name)
        {
            timings[name] = Math.Round(clock.GetElapsedTime(mark).TotalMilliseconds, 1);
            mark = clock.GetTimestamp();
        }

        var isGit = await git.IsRepositoryAsync(cancellationToken);
        var files = isGit ? await git.ListFilesAsync(cancellationToken: cancellationToken) : ListDirectory(inputs.RepositoryPath);
        var fileSet = files.ToHashSet(StringComparer.Ordinal);
        string? ReadText(string path) => SourceReader.Read(Path.Combine(inputs.RepositoryPath, path));

        var (map, mapProblems) = ReadMap(inputs.TestMapPath, ReadText);
        var allTests = inputs.Rules.TestFiles.MatchAll(files);
        allTests.UnionWith((map?.AllTests ?? []).Where(fileSet.Contains));
        Lap("listFilesMs");

        var changes = inputs.Disabled
            ? new ChangeSet([], "not collected (disabled)", true, [])
            : await ChangeCollector.CollectAsync(runtime.GitHub, git, inputs.GitHubToken, inputs.BaseRef, inputs.HeadRef, cancellationToken);
        Lap("changesMs");
        var graph = inputs.Disabled || map is null || !changes.Complete ? null : RepositoryScanner.BuildGraph(fileSet, ReadText);
        Lap("importGraphMs");
        var (durations, durationProblem) = inputs.DurationsPath is null ? (new Dictionary<string, double>(), null) : DurationReader.Read(inputs.DurationsPath, inputs.RepositoryPath);

        var planInput = new PlanInput
        {
            Changes = changes,
            Map = map,
            MapProblems = mapProblems,
            AllTests = allTests,
            Graph = graph,
            Durations = durations,
            Disabled = inputs.Disabled,
        };
        var plan = TestPlanner.Plan(planInput, inputs.Rules);
        Lap("planMs");
        if (durationProblem is not null)
        {
            plan = plan with { Warnings = [.. plan.Warnings, durationProblem] };
        }

        string? llmNote = null;
        if (inputs.OpenAiKey is { Length: > 0 } key && !plan.RunAll)
        {
            var refiner = new LlmRefiner(inputs.OpenAiBaseUrl, key, inputs.OpenAiModel, inputs.OpenAiTimeout, inputs.OpenAiMaxTokens);
            var (advice, problem) = await refiner.AdviseAsync(changes.Files, plan, allTests, cancellationToken);
            if (advice is null)
            {
                llmNote = $"Model refinement not used: {problem}; the heuristic plan stands.";
                plan = plan with { Warnings = [.. plan.Warnings, llmNote] };
            }
            else
            {
                plan = TestPlanner.Extend(plan, planInput, inputs.Rules, advice.AddTests.Select(t => new SelectedTest(t, $"suggested by {inputs.OpenAiModel}: {advice.Reason}")), advice.Risk, $"raised by {inputs.OpenAiModel}: {advice.Reason}");
                llmNote = $"{inputs.OpenAiModel} added {advice.AddTests.Count(t => plan.Tests.Any(p => p.Path == t))} test(s), suggested risk {advice.Risk.ToString().ToLowerInvariant()}" +
                    (advice.Ignored.Count > 0 ? $"; ignored {advice.Ignored.Count} unknown file(s)" : string.Empty) + ".";
            }
        }

        await PredictTestsReport.WriteAsync(runtime, inputs, plan, changes, graph, llmNote, timings, cancellationToken);
    }

    private static (TestMap? Map, IReadOnlyList<string> Problems) ReadMap(string path, Func<string, string?> readText)
    {
        var text = readText(path);
        return text is null ? (null, [$"{path} is missing: running all tests."]) : TestMap.Parse(text, path);
    }

    private static List<string> ListDirectory(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal) && !f.Contains("node_modules/", StringComparison.Ordinal))];
}
