using System.Text.Json;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Core.PullRequests;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.PredictTests.Planning;
using D = Bookiji.Actions.PredictTests.PredictTestsDefinition;

namespace Bookiji.Actions.PredictTests.Report;

/// <summary>The one place this action writes ci-plan.json, outputs and the step summary.</summary>
internal static class PredictTestsReport
{
    /// <summary>Warnings annotated one by one; the rest are counted.</summary>
    public const int MaxAnnotations = 20;

    public static async Task WriteAsync(ActionRuntime runtime, PlanReport report, CancellationToken cancellationToken)
    {
        var plan = report.Plan;
        var tests = plan.Tests.Select(t => t.Path).ToList();
        var testGlob = TestGlob(plan, report.AllTestsGlob);
        var core = runtime.Core;

        // Outputs first: a plan file that cannot be written must not cost the consumers their matrix.
        core.SetOutput(D.RiskOutput, Name(plan.Risk));
        // A run-all list may be as long as the repository's tests: past the bound the output is [] and ci-plan.json has it.
        var testsJson = JsonSerializer.Serialize<IReadOnlyList<string>>(tests, OutputJsonContext.Default.IReadOnlyListString);
        if (testsJson.Length > TestPlanner.MaxListChars)
        {
            testsJson = "[]";
            core.Notice($"Every one of the {tests.Count:N0} tests runs; the 'tests' output is [] (too long for GitHub's 1 MB output limit) and ci-plan.json lists them.");
        }

        core.SetOutput(D.TestsOutput, testsJson);
        core.SetOutput(D.TestGlobOutput, testGlob);
        core.SetOutput(D.ShardCountOutput, plan.ShardCount);
        core.SetOutput(D.RunAllOutput, plan.RunAll);
        core.SetOutput(D.ShardMatrixOutput, JsonSerializer.Serialize(ShardMatrix.Of(plan), OutputJsonContext.Default.ShardMatrix));
        core.SetOutput(D.FlakyTestsOutput, BoundedList([.. (plan.Impact?.Flaky ?? []).Select(f => f.Test)]));
        core.SetOutput(D.QuarantinedTestsOutput, BoundedList(plan.Quarantined));
        if (report.PlanPath is { } path)
        {
            await JsonFile.WriteAsync(path, PlanFile(report, tests, testGlob), PredictTestsJsonContext.Default.CiPlanFile, cancellationToken);
            core.SetOutput(D.PlanPathOutput, runtime.RelativeToWorkspace(path));
        }

        // Annotations are for reading: a map naming thousands of missing files must not bury the log.
        foreach (var warning in plan.Warnings.Take(MaxAnnotations))
        {
            core.Warning(warning);
        }

        if (plan.Warnings.Count > MaxAnnotations)
        {
            core.Warning($"… and {plan.Warnings.Count - MaxAnnotations} more warning(s) in ci-plan.json.");
        }

        core.Info($"Risk {Name(plan.Risk)}; {(plan.RunAll ? "running all" : "selected")} {tests.Count} of {plan.TotalTests} tests on {plan.ShardCount} shard(s).");
        if (runtime.Summary.IsAvailable)
        {
            await PlanSummary.WriteAsync(runtime.Summary, report, cancellationToken);
        }

        await PrCommentPublisher.PublishAsync(runtime, report.PrComment.Enabled, report.PrComment.Token, D.Definition.Name, PrSection(report), cancellationToken);
    }

    /// <summary>The plan as the PR comment tells it: risk, shards, and each test with why (at most 30 named).</summary>
    internal static string PrSection(PlanReport report)
    {
        // Paths and reasons quote the pull request's files (and the LLM's answer): upstream text, quoted inertly.
        var plan = report.Plan;
        var text = new System.Text.StringBuilder()
            .Append("**Test plan**: risk ").Append(Name(plan.Risk)).Append(" (").Append(InertText.Code(plan.RiskReason)).Append("), ")
            .Append(plan.RunAll ? $"every test on {plan.ShardCount} shard(s)" : $"{plan.Tests.Count} of {plan.TotalTests} tests on {plan.ShardCount} shard(s)")
            .Append('.');
        foreach (var reason in plan.RunAllReasons.Take(3))
        {
            text.Append("\n- runs everything: ").Append(InertText.Code(reason));
        }

        foreach (var test in plan.RunAll ? [] : plan.Tests.Take(30))
        {
            text.Append("\n- ").Append(InertText.Code(test.Path)).Append(" — ").Append(InertText.Code(test.Because));
        }

        if (!plan.RunAll && plan.Tests.Count > 30)
        {
            text.Append("\n- … and ").Append(plan.Tests.Count - 30).Append(" more (ci-plan.json)");
        }

        return text.ToString();
    }

    internal static string Name(Risk risk) => risk.ToString().ToLowerInvariant();

    /// <summary>A JSON list output, cut to the tests that fit <see cref="TestPlanner.MaxListChars"/> (ci-plan.json has them all).</summary>
    private static string BoundedList(IReadOnlyList<string> tests)
    {
        var json = JsonSerializer.Serialize(tests, OutputJsonContext.Default.IReadOnlyListString);
        return json.Length <= TestPlanner.MaxListChars ? json
            : JsonSerializer.Serialize<IReadOnlyList<string>>([.. tests.Take(TestPlanner.MaxListChars / 2 / Math.Max(1, tests.Max(t => t.Length) + 4))], OutputJsonContext.Default.IReadOnlyListString);
    }

    /// <summary>The impact data's verdict name in ci-plan.json.</summary>
    internal static string EvidenceName(Impact.ImpactEvidence evidence) => evidence switch
    {
        Impact.ImpactEvidence.Lines => "lines",
        Impact.ImpactEvidence.File => "file",
        Impact.ImpactEvidence.ImportGraph => "import-graph",
        _ => "import-graph-smaller",
    };

    /// <summary>The brief's TEST_GLOB: the run-all glob, one path, or a brace list.</summary>
    internal static string TestGlob(TestPlan plan, string allTestsGlob) => plan.RunAll
        ? allTestsGlob
        : plan.Tests.Count switch { 0 => string.Empty, 1 => plan.Tests[0].Path, _ => "{" + string.Join(',', plan.Tests.Select(t => t.Path)) + "}" };

    private static CiPlanFile PlanFile(PlanReport report, IReadOnlyList<string> tests, string testGlob)
    {
        var plan = report.Plan;
        return new CiPlanFile(
            plan.Risk,
            tests,
            plan.ShardCount,
            plan.RunAll,
            testGlob,
            plan.RiskReason,
            plan.RunAllReasons,
            plan.Skipped.Count,
            [.. plan.Tests.Select(t => new CiPlanFile.Selection(t.Path, t.Because))],
            [.. plan.Shards.Select(s => new CiPlanFile.ShardEntry(s.Index, s.Tests, s.EstimatedSeconds, ShardMatrix.RunnerOf(plan, s), s.RunnerShard, s.RunnerShards))],
            new CiPlanFile.ChangeInfo(report.Changes.Source, report.Changes.Files.Count, report.Changes.Complete),
            report.Basis,
            new CiPlanFile.EstimateInfo(
                plan.DurationsKnown,
                plan.EstimatedSecondsAll,
                plan.EstimatedSecondsSelected,
                Math.Round(plan.EstimatedSecondsAll - plan.EstimatedSecondsSelected, 1),
                ShardBalancer.Imbalance(plan.Shards)),
            plan.Warnings,
            report.LlmNote,
            report.Timings,
            plan.Ranking,
            plan.PackageRule?.Count,
            plan.Impact is not { } impact ? null : new CiPlanFile.ImpactInfo(
                impact.Commit, impact.CreatedAt, impact.AgeCommits, impact.DecidedShare,
                [.. impact.Files.Select(f => new CiPlanFile.FileVerdict(f.Path, EvidenceName(f.Evidence), f.Note))],
                [.. impact.RecentFailures.Select(f => new CiPlanFile.TestOutcomes(f.Test, f.Outcomes))]),
            [.. (plan.Impact?.Flaky ?? []).Select(f => new CiPlanFile.TestOutcomes(f.Test, f.Outcomes))],
            plan.Quarantined);
    }
}
