using System.Globalization;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.SloExport.Download;
using Bookiji.Actions.SloExport.Metrics;
using Bookiji.Actions.SloExport.Slo;
using D = Bookiji.Actions.SloExport.SloExportDefinition;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The one place export mode writes outputs, log lines, annotations and the step summary.</summary>
internal static partial class SloExportReport
{
    /// <summary>Files named in one annotation; the log group and the summary file name more.</summary>
    private const int FilesPerAnnotation = 5;

    /// <summary>Issue lines printed in the log group.</summary>
    private const int IssueLines = 200;

    public static async Task WriteAsync(
        ActionRuntime runtime, SloExportInputs inputs, SloResult result, MetricsLoad load, DownloadResult? download, IReadOnlyList<DataIssue> issues, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var summary = result.Summary;
        var metrics = summary.Metrics;
        core.SetOutput(D.SummaryPath, runtime.RelativeToWorkspace(Path.Combine(inputs.OutputDirectory, SloExportFiles.SummaryFile)));
        core.SetOutput(D.Compliant, summary.Compliance.Overall is { } overall ? (overall ? "true" : "false") : SloCalculator.InsufficientData);
        core.SetOutput(D.PassRate, Figure(metrics.PassRate));
        core.SetOutput(D.BookingP95, Figure(metrics.BookingP95Latency));
        core.SetOutput(D.Uptime, Figure(metrics.UptimeApprox));
        core.SetOutput(D.TimeseriesPath, summary.Files?.Timeseries ?? string.Empty);
        core.SetOutput(D.DashboardPath, summary.Files?.Dashboard ?? string.Empty);
        core.SetOutput(D.Runs, summary.Window.Runs.ToString(CultureInfo.InvariantCulture));

        LogIssues(core, issues);
        Annotate(runtime, inputs, summary, load, download, issues);
        core.Info($"SLO status: {summary.Status} over {summary.Period} (pass rate {Figure(metrics.PassRate)}, booking P95 {Figure(metrics.BookingP95Latency)} ms, uptime {Figure(metrics.UptimeApprox)} % by {metrics.UptimeMethod}).");
        core.Info($"Wrote {runtime.RelativeToWorkspace(Path.Combine(inputs.OutputDirectory, SloExportFiles.SummaryFile))} and {summary.Files?.Timeseries}.");
        if (runtime.Summary.IsAvailable)
        {
            WriteSummary(runtime, result, download);
            await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>A figure for an output: the number, or insufficient_data.</summary>
    public static string Figure(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : SloCalculator.InsufficientData;

    private static void LogIssues(ActionCore core, IReadOnlyList<DataIssue> issues)
    {
        if (issues.Count == 0)
        {
            return;
        }

        core.StartGroup($"Data quality: {issues.Count:N0} problem(s)");
        foreach (var issue in issues.OrderBy(i => i.Kind).ThenBy(i => i.File, StringComparer.Ordinal).Take(IssueLines))
        {
            core.Info($"{DataQualityReport.KindName(issue.Kind)}: {issue.File}: {issue.Detail}");
        }

        if (issues.Count > IssueLines)
        {
            core.Info($"… and {issues.Count - IssueLines:N0} more (slo-summary.json names up to {DataQualityReport.FilesListed} per kind).");
        }

        core.EndGroup();
    }

    /// <summary>One warning per kind of problem, naming a few files: 10,000 bad files are one readable annotation, not 10,000.</summary>
    private static void Annotate(ActionRuntime runtime, SloExportInputs inputs, SloSummary summary, MetricsLoad load, DownloadResult? download, IReadOnlyList<DataIssue> issues)
    {
        var core = runtime.Core;
        var folder = runtime.RelativeToWorkspace(inputs.MetricsDirectory);
        if (load.FolderMissing && (download is null || download.FilesExtracted == 0))
        {
            core.Warning($"The metrics folder '{folder}' does not exist: there are no CI runs to judge, and every figure is insufficient_data. Record runs with mode: record (or set artifact-name to download them).", new() { Title = "slo-export: no metrics" });
        }
        else if (summary.Window.Runs == 0)
        {
            core.Warning($"No usable CI metrics file in '{folder}' ({load.FilesFound:N0} JSON file(s) found): every figure is insufficient_data.", new() { Title = "slo-export: no runs" });
        }

        foreach (var group in issues.GroupBy(i => i.Kind).OrderBy(g => g.Key))
        {
            var names = group.Select(i => i.File).Distinct().Order(StringComparer.Ordinal).ToList();
            var count = group.Count() + (group.Key == DataIssueKind.NotRead ? load.NotReadBeyondListed : 0);
            var listed = string.Join(", ", names.Take(FilesPerAnnotation));
            var more = count > FilesPerAnnotation ? $" and {count - FilesPerAnnotation:N0} more (see the 'Data quality' log group)" : string.Empty;
            var example = group.OrderBy(i => i.File, StringComparer.Ordinal).First();
            core.Warning(
                $"{count:N0} {(group.Key == DataIssueKind.Download ? "download problem(s)" : $"file(s) in '{folder}'")}: {DataQualityReport.Effect(group.Key)}. {listed}{more}. First: {example.File}: {example.Detail}.",
                new() { Title = $"slo-export: {DataQualityReport.KindName(group.Key)}" });
        }
    }
}
