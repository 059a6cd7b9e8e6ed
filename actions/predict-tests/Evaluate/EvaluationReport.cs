using System.Globalization;
using System.Text;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;
using D = Bookiji.Actions.PredictTests.PredictTestsDefinition;

namespace Bookiji.Actions.PredictTests.Evaluate;

/// <summary>Writes the evaluation as JSON and Markdown, as outputs and as the step summary.</summary>
internal static class EvaluationReport
{
    public static async Task WriteAsync(ActionRuntime runtime, EvaluateModeInputs inputs, EvaluationResult result, CancellationToken cancellationToken)
    {
        var s = result.Summary;
        var file = new EvaluationReportFile(
            s.CommitsScanned, s.Commits, s.ChangeRecall, s.ChangeRecallWithoutFallback, s.TestRecall, s.SelectionRatio,
            s.SelectionRatioWithoutFallback, s.FallbackRate, s.MeanShardImbalance, s.UsedTestMap, s.MedianSelectionRatio, s.PackageRuleChangeRecall, s.PackageRuleSelectionRatio, s.Impact,
            "co-change: test files changed in the same commit as source files (not only docs or other low-risk files), existing in the parent",
            result.Commits);
        var markdown = Markdown(s);
        await JsonFile.WriteAsync(inputs.JsonPath, file, PredictTestsJsonContext.Default.EvaluationReportFile, cancellationToken);
        await OutputFile.WriteTextAsync(inputs.MarkdownPath, markdown, cancellationToken);
        runtime.Core.SetOutput(D.ChangeRecallOutput, s.ChangeRecall);
        runtime.Core.SetOutput(D.SelectionRatioOutput, s.SelectionRatio);
        runtime.Core.SetOutput(D.FallbackRateOutput, s.FallbackRate);
        runtime.Core.SetOutput(D.EvaluationPathOutput, runtime.RelativeToWorkspace(inputs.JsonPath));
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
        text.AppendLine(CultureInfo.InvariantCulture, $"| median selection ratio | {P(s.MedianSelectionRatio)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| run-all fallback rate | {P(s.FallbackRate)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| mean shard imbalance (longest/mean) | {s.MeanShardImbalance.ToString("0.00", CultureInfo.InvariantCulture)} |");
        if (s.PackageRuleSelectionRatio is { } ruleSelection)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| package rule (changed packages and dependents): change recall | {P(s.PackageRuleChangeRecall ?? 0)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| package rule: selection ratio | {P(ruleSelection)} |");
        }

        if (s.Impact is { } i)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"With impact data, on the {i.Commits} evaluated commit(s) younger than its analysed commit (median age {i.MedianAgeCommits.ToString("0.#", CultureInfo.InvariantCulture)} commits):");
            text.AppendLine();
            text.AppendLine("| | impact data | import graph |");
            text.AppendLine("|---|---:|---:|");
            text.AppendLine(CultureInfo.InvariantCulture, $"| change recall | {P(i.ChangeRecall)} | {P(i.GraphChangeRecall)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| selection ratio | {P(i.SelectionRatio)} | {P(i.GraphSelectionRatio)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| run-all rate | {P(i.FallbackRate)} | {P(i.GraphFallbackRate)} |");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Files decided by lines {i.Lines}, at file level {i.FileLevel}, unknown to the data {i.NoData}, graph smaller {i.GraphSmaller}; hunks outside every function {i.OutsideFunctions}, inert (declarations, comments or code no test ran) {i.Declarations}, mapped through drift {i.DriftMapped}, in drifted regions placed by their function {i.DriftEnclosing}, drift unmappable {i.DriftUnmappable}.");
        }
        return text.ToString();
    }
}
