using System.Text;
using System.Text.Json.Nodes;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Planning;
using static Bookiji.Actions.Core.Summary.StepSummary;

namespace Bookiji.Actions.PredictTests;

/// <summary>The one place this action writes ci-plan.json, outputs and the step summary.</summary>
internal static class PredictTestsReport
{
    public static async Task WriteAsync(ActionRuntime runtime, PredictTestsInputs inputs, TestPlan plan, ChangeSet changes, ImportGraph? graph, string? llmNote, IReadOnlyDictionary<string, double> timings, CancellationToken cancellationToken)
    {
        var tests = plan.Tests.Select(t => t.Path).ToList();
        var testGlob = TestGlob(plan, inputs.AllTestsGlob);
        var json = PlanJson(plan, tests, testGlob, changes, llmNote);
        json["timings"] = new JsonObject([.. timings.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))]);
        await Bookiji.Actions.Core.Toolkit.OutputFile.WriteJsonAsync(inputs.PlanPath, json, cancellationToken);

        var core = runtime.Core;
        core.SetOutput("risk", Name(plan.Risk));
        core.SetOutput("tests", new JsonArray([.. tests.Select(t => (JsonNode)t)]));
        core.SetOutput("test-glob", testGlob);
        core.SetOutput("shard-count", plan.ShardCount);
        core.SetOutput("run-all", plan.RunAll);
        core.SetOutput("shard-matrix", new JsonObject
        {
            ["include"] = new JsonArray([.. plan.Shards.Select(s => (JsonNode)new JsonObject
            {
                ["shard"] = s.Index,
                ["shards"] = plan.ShardCount,
                ["tests"] = new JsonArray([.. s.Tests.Select(t => (JsonNode)t)]),
            })]),
        });
        core.SetOutput("plan-path", Path.GetRelativePath(runtime.Workspace, inputs.PlanPath));
        foreach (var warning in plan.Warnings)
        {
            core.Warning(warning);
        }

        core.Info($"Risk {Name(plan.Risk)}; {(plan.RunAll ? "running all" : "selected")} {tests.Count} of {plan.TotalTests} tests on {plan.ShardCount} shard(s).");
        if (runtime.Summary.IsAvailable)
        {
            await WriteSummaryAsync(runtime.Summary, plan, changes, graph, llmNote, cancellationToken);
        }
    }

    internal static string Name(Risk risk) => risk.ToString().ToLowerInvariant();

    /// <summary>The brief's TEST_GLOB: the run-all glob, one path, or a brace list.</summary>
    internal static string TestGlob(TestPlan plan, string allTestsGlob) => plan.RunAll
        ? allTestsGlob
        : plan.Tests.Count switch { 0 => string.Empty, 1 => plan.Tests[0].Path, _ => "{" + string.Join(',', plan.Tests.Select(t => t.Path)) + "}" };

    private static JsonObject PlanJson(TestPlan plan, List<string> tests, string testGlob, ChangeSet changes, string? llmNote) => new()
    {
        ["risk"] = Name(plan.Risk),
        ["tests"] = new JsonArray([.. tests.Select(t => (JsonNode)t)]),
        ["shardCount"] = plan.ShardCount,
        ["runAll"] = plan.RunAll,
        ["testGlob"] = testGlob,
        ["riskReason"] = plan.RiskReason,
        ["runAllReasons"] = new JsonArray([.. plan.RunAllReasons.Select(r => (JsonNode)r)]),
        ["skippedCount"] = plan.Skipped.Count,
        ["selected"] = new JsonArray([.. plan.Tests.Select(t => (JsonNode)new JsonObject { ["test"] = t.Path, ["because"] = t.Because })]),
        ["shards"] = new JsonArray([.. plan.Shards.Select(s => (JsonNode)new JsonObject
        {
            ["index"] = s.Index,
            ["tests"] = new JsonArray([.. s.Tests.Select(t => (JsonNode)t)]),
            ["estimatedSeconds"] = s.EstimatedSeconds,
        })]),
        ["changes"] = new JsonObject { ["source"] = changes.Source, ["files"] = changes.Files.Count, ["complete"] = changes.Complete },
        ["estimate"] = new JsonObject
        {
            ["durationsKnown"] = plan.DurationsKnown,
            ["allSeconds"] = plan.EstimatedSecondsAll,
            ["selectedSeconds"] = plan.EstimatedSecondsSelected,
            ["savedSeconds"] = Math.Round(plan.EstimatedSecondsAll - plan.EstimatedSecondsSelected, 1),
            ["shardImbalance"] = ShardBalancer.Imbalance(plan.Shards),
        },
        ["warnings"] = new JsonArray([.. plan.Warnings.Select(w => (JsonNode)w)]),
        ["llm"] = llmNote,
    };

    private static async Task WriteSummaryAsync(StepSummary summary, TestPlan plan, ChangeSet changes, ImportGraph? graph, string? llmNote, CancellationToken cancellationToken)
    {
        var headline = plan.RunAll
            ? $"Running all {plan.TotalTests} tests"
            : $"Running {plan.Tests.Count} of {plan.TotalTests} tests";
        summary.AddHeading($"Test plan: {Name(plan.Risk)} risk — {headline} on {plan.ShardCount} shard(s)", 2)
            .AddRaw($"<p><b>Risk:</b> {Escape(Name(plan.Risk))} — {Escape(plan.RiskReason)}. <b>Changes:</b> {changes.Files.Count} file(s) from {Escape(changes.Source)}." +
                (graph is null ? string.Empty : $" <b>Import graph:</b> {graph.FileCount} files, {graph.EdgeCount} edges.") + "</p>", addEol: true);
        var unit = plan.DurationsKnown ? "s (from history)" : "s (no duration history: 30 s per test assumed)";
        summary.AddRaw($"<p><b>Estimated time saved:</b> {plan.EstimatedSecondsAll - plan.EstimatedSecondsSelected:0} of {plan.EstimatedSecondsAll:0} {Escape(unit)}; shard imbalance {ShardBalancer.Imbalance(plan.Shards):0.00} (longest/mean).</p>", addEol: true);
        if (plan.RunAll)
        {
            summary.AddRaw("<p><b>Why everything runs:</b></p>", addEol: true).AddList(plan.RunAllReasons.Select(Escape));
        }
        else
        {
            summary.AddTable(new[] { new[] { SummaryTableCell.Head("Selected test"), SummaryTableCell.Head("Because") } }
                .Concat(plan.Tests.Take(300).Select(t => new SummaryTableCell[] { $"<code>{Escape(t.Path)}</code>", Escape(t.Because) })));
            summary.AddDetails($"Skipped: {plan.Skipped.Count} test(s)",
                "<p>Not reached by any changed file through the test map or the import graph.</p><ul>" +
                string.Concat(plan.Skipped.Take(200).Select(t => $"<li><code>{Escape(t)}</code></li>")) +
                (plan.Skipped.Count > 200 ? $"<li>… and {plan.Skipped.Count - 200} more</li>" : string.Empty) + "</ul>");
        }

        summary.AddTable(new[] { new[] { SummaryTableCell.Head("Shard"), SummaryTableCell.Head("Tests"), SummaryTableCell.Head("Estimated s") } }
            .Concat(plan.Shards.Select(s => new SummaryTableCell[] { s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Tests.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), s.EstimatedSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) })));
        if (llmNote is not null)
        {
            summary.AddQuote(Escape(llmNote));
        }

        if (plan.Warnings.Count > 0)
        {
            summary.AddDetails($"Warnings ({plan.Warnings.Count})", "<ul>" + string.Concat(plan.Warnings.Select(w => $"<li>{Escape(w)}</li>")) + "</ul>");
        }

        await summary.WriteAsync(cancellationToken: cancellationToken);
    }
}
