using System.Globalization;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.PredictTests.Planning;
using static Bookiji.Actions.Core.Summary.StepSummary;

namespace Bookiji.Actions.PredictTests.Report;

/// <summary>The step summary of a plan: it reads well with 0, 1 and 10,000 tests, and says each reason once.</summary>
internal static class PlanSummary
{
    /// <summary>Rows listed in the selected-tests table before the rest is counted.</summary>
    public const int MaxRows = 300;

    /// <summary>Skipped tests listed before the rest is counted.</summary>
    public const int MaxSkipped = 200;

    public static async Task WriteAsync(StepSummary summary, PlanReport report, CancellationToken cancellationToken)
    {
        var plan = report.Plan;
        var changes = report.Changes;
        var name = PredictTestsReport.Name(plan.Risk);
        var headline = plan.RunAll
            ? plan.TotalTests > 0 ? $"Running all {plan.TotalTests} tests" : "Running every test"
            : $"Running {plan.Tests.Count} of {plan.TotalTests} tests";
        // A fallback plan's reason is the failure itself, listed once under "Why everything runs".
        summary.AddHeading((report.Failure is null ? "Test plan" : "Fallback test plan (the action failed)") + $": {name} risk — {headline} on {plan.ShardCount} shard(s)", 2);

        summary.AddRaw($"<p><b>Risk:</b> {Escape(name)} — {Escape(plan.RiskReason)}. <b>Changes:</b> {changes.Files.Count} file(s) from {Escape(changes.Source)}. <b>Planned from:</b> {Escape(report.Basis)}." +
            (report.Graph is { } graph ? $" <b>Import graph:</b> {graph.Files} files, {graph.Edges} edges." : string.Empty) + "</p>", addEol: true);
        var unit = plan.DurationsKnown ? "s (from history)" : "s (no duration history: 30 s per test assumed)";
        summary.AddRaw($"<p><b>Estimated time saved:</b> {plan.EstimatedSecondsAll - plan.EstimatedSecondsSelected:0} of {plan.EstimatedSecondsAll:0} {Escape(unit)}; shard imbalance {ShardBalancer.Imbalance(plan.Shards):0.00} (longest/mean).</p>", addEol: true);
        if (plan.Ranking is { } ranking)
        {
            summary.AddRaw($"<p><b>Hub ranking:</b> {Escape(ranking)}</p>", addEol: true);
        }

        if (plan.PackageRule is { } packageRule)
        {
            summary.AddRaw($"<p><b>Package rule</b> (Nx/Turborepo \"affected\": every test of the changed packages and their dependents): {packageRule.Count} of {plan.TotalTests} tests; this plan runs {(plan.RunAll ? plan.TotalTests : plan.Tests.Count)}.</p>", addEol: true);
        }

        if (plan.Impact is { } impact)
        {
            ImpactSummary.Write(summary, impact, plan.Quarantined);
        }

        if (plan.RunAll)
        {
            summary.AddRaw("<p><b>Why everything runs:</b></p>", addEol: true).AddList(plan.RunAllReasons.Select(Escape));
        }
        else
        {
            WriteSelection(summary, plan);
        }

        if (plan.Tests.Count > 0)
        {
            summary.AddTable(new[] { new[] { SummaryTableCell.Head("Shard"), SummaryTableCell.Head("Tests"), SummaryTableCell.Head("Estimated s") } }
                .Concat(plan.Shards.Select(s => new SummaryTableCell[] { Number(s.Index), Number(s.Tests.Count), s.EstimatedSeconds.ToString("0.#", CultureInfo.InvariantCulture) })));
        }

        if (report.LlmNote is not null)
        {
            // The model's answer is upstream text: inert code, never live mentions or links.
            summary.AddQuote(InertText.HtmlCode(report.LlmNote, 2000));
        }

        // A reason already given under "Why everything runs" or as the model's note is not repeated as a warning.
        var warnings = plan.Warnings.Where(w => !plan.RunAllReasons.Contains(w, StringComparer.Ordinal) && w != report.LlmNote).ToList();
        if (warnings.Count > 0)
        {
            summary.AddDetails($"Warnings ({warnings.Count})", "<ul>" + string.Concat(warnings.Take(MaxSkipped).Select(w => $"<li>{Escape(w)}</li>")) +
                (warnings.Count > MaxSkipped ? $"<li>… and {warnings.Count - MaxSkipped} more in ci-plan.json</li>" : string.Empty) + "</ul>");
        }

        await summary.WriteAsync(cancellationToken: cancellationToken);
    }

    private static void WriteSelection(StepSummary summary, TestPlan plan)
    {
        if (plan.Tests.Count == 0)
        {
            summary.AddRaw("<p><b>No test is selected:</b> no changed file reaches a test through the test map or the import graph.</p>", addEol: true);
        }
        else
        {
            summary.AddTable(new[] { new[] { SummaryTableCell.Head("Selected test"), SummaryTableCell.Head("Because") } }
                .Concat(plan.Tests.Take(MaxRows).Select(t => new SummaryTableCell[] { InertText.HtmlCode(t.Path), InertText.HtmlCode(t.Because) })));
            if (plan.Tests.Count > MaxRows)
            {
                summary.AddRaw($"<p>… and {plan.Tests.Count - MaxRows} more selected test(s): see ci-plan.json.</p>", addEol: true);
            }
        }

        if (plan.Skipped.Count > 0)
        {
            summary.AddDetails($"Skipped: {plan.Skipped.Count} test(s)",
                "<p>Not reached by any changed file through the test map or the import graph.</p><ul>" +
                string.Concat(plan.Skipped.Take(MaxSkipped).Select(t => $"<li><code>{Escape(t)}</code></li>")) +
                (plan.Skipped.Count > MaxSkipped ? $"<li>… and {plan.Skipped.Count - MaxSkipped} more</li>" : string.Empty) + "</ul>");
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
