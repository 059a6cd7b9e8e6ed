using System.Globalization;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.SloExport.Metrics;
using D = Bookiji.Actions.SloExport.SloExportDefinition;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>The one place record mode writes outputs, log lines and the step summary.</summary>
internal static class SloRecordReport
{
    public static async Task WriteAsync(ActionRuntime runtime, SloRecordInputs inputs, TestReportSummary report, CiMetricsFile metrics, string path, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var relative = runtime.RelativeToWorkspace(path);
        core.SetOutput(D.MetricsFile, relative);
        var samples = metrics.BookingLatenciesMs?.Count ?? 0;
        core.Info($"Recorded {relative}: {report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped; {samples} booking latency sample(s) from {report.BookingTests} booking test(s) ({report.Format}).");
        if (report.BookingTests == 0)
        {
            core.Warning(
                $"No test in {runtime.RelativeToWorkspace(inputs.ReportFile)} matches booking-pattern '{inputs.BookingPattern}': the run records no booking latency, and the latency objective will lack data. Adjust booking-pattern to your booking tests' titles or files.",
                new() { Title = "slo-export: no booking tests" });
        }

        if (!runtime.Summary.IsAvailable)
        {
            return;
        }

        runtime.Summary
            .AddHeading("CI metrics recorded", 2)
            .AddRaw($"<p><code>{StepSummary.Escape(relative)}</code> from {StepSummary.Escape(report.Format)} report <code>{StepSummary.Escape(runtime.RelativeToWorkspace(inputs.ReportFile))}</code>.</p>", addEol: true)
            .AddTable(
            [
                [SummaryTableCell.Head("Run"), SummaryTableCell.Head("Passed"), SummaryTableCell.Head("Failed"), SummaryTableCell.Head("Skipped"), SummaryTableCell.Head("Booking samples"), SummaryTableCell.Head("Health")],
                [
                    StepSummary.Escape($"{metrics.RunId} (attempt {metrics.RunAttempt})"),
                    N(report.Passed), N(report.Failed), N(report.Skipped), N(samples),
                    metrics.Health is { } h ? StepSummary.Escape($"{h.Failures} of {h.Checks} failed") : "—",
                ],
            ]);
        await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
