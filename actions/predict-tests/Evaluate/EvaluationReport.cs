using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bookiji.Actions.Core.Hosting;
using static Bookiji.Actions.Core.Summary.StepSummary;

namespace Bookiji.Actions.PredictTests.Evaluate;

/// <summary>Writes the evaluation as JSON and Markdown, as outputs and as the step summary.</summary>
internal static class EvaluationReport
{
    public static async Task WriteAsync(ActionRuntime runtime, PredictTestsInputs inputs, EvaluationResult result, CancellationToken cancellationToken)
    {
        var s = result.Summary;
        var json = new JsonObject
        {
            ["commitsScanned"] = s.CommitsScanned,
            ["commitsEvaluated"] = s.Commits,
            ["changeRecall"] = s.ChangeRecall,
            ["changeRecallWithoutFallback"] = s.ChangeRecallWithoutFallback,
            ["testRecall"] = s.TestRecall,
            ["selectionRatio"] = s.SelectionRatio,
            ["selectionRatioWithoutFallback"] = s.SelectionRatioWithoutFallback,
            ["fallbackRate"] = s.FallbackRate,
            ["meanShardImbalance"] = s.MeanShardImbalance,
            ["usedTestMap"] = s.UsedTestMap,
            ["groundTruth"] = "co-change: test files changed in the same commit as source files, existing in the parent",
            ["commits"] = new JsonArray([.. result.Commits.Select(c => (JsonNode)new JsonObject
            {
                ["sha"] = c.Sha, ["sourceFiles"] = c.SourceFiles, ["groundTruth"] = new JsonArray([.. c.GroundTruth.Select(t => (JsonNode)t)]),
                ["selected"] = c.Selected, ["totalTests"] = c.TotalTests, ["hits"] = c.Hits, ["runAll"] = c.RunAll, ["runAllReason"] = c.RunAllReason,
            })]),
        };
        var markdown = Markdown(s);
        await Bookiji.Actions.Core.Toolkit.OutputFile.WriteJsonAsync(inputs.EvaluateOutput + ".json", json, cancellationToken);
        await Bookiji.Actions.Core.Toolkit.OutputFile.WriteTextAsync(inputs.EvaluateOutput + ".md", markdown, cancellationToken);
        runtime.Core.SetOutput("change-recall", s.ChangeRecall);
        runtime.Core.SetOutput("selection-ratio", s.SelectionRatio);
        runtime.Core.SetOutput("fallback-rate", s.FallbackRate);
        runtime.Core.SetOutput("evaluation-path", Path.GetRelativePath(runtime.Workspace, inputs.EvaluateOutput + ".json"));
        runtime.Core.Info(markdown);
        if (runtime.Summary.IsAvailable)
        {
            await runtime.Summary.AddRaw(markdown, addEol: true).WriteAsync(cancellationToken: cancellationToken);
        }
    }

    internal static string Markdown(EvaluationSummary s)
    {
        static string P(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        var text = new StringBuilder();
        text.AppendLine("## predict-tests evaluation");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{s.Commits} of {s.CommitsScanned} commits changed both source and existing test files (co-change ground truth{(s.UsedTestMap ? string.Empty : "; no test map: import graph and safety rules only")}).");
        text.AppendLine();
        text.AppendLine("| metric | value |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| change recall (≥ 1 co-changed test selected) | {P(s.ChangeRecall)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| change recall without run-all fallbacks | {P(s.ChangeRecallWithoutFallback)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| test recall | {P(s.TestRecall)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| selection ratio (mean selected/all) | {P(s.SelectionRatio)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| selection ratio without fallbacks | {P(s.SelectionRatioWithoutFallback)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| run-all fallback rate | {P(s.FallbackRate)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| mean shard imbalance (longest/mean) | {s.MeanShardImbalance.ToString("0.00", CultureInfo.InvariantCulture)} |");
        return text.ToString();
    }
}
