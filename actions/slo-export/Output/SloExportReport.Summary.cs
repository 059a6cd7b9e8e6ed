using System.Globalization;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.SloExport.Download;
using Bookiji.Actions.SloExport.Slo;

namespace Bookiji.Actions.SloExport.Output;

internal static partial class SloExportReport
{
    /// <summary>Issue kinds' files listed in the step summary.</summary>
    private const int SummaryFiles = 20;

    private static void WriteSummary(ActionRuntime runtime, SloResult result, DownloadResult? download)
    {
        var s = runtime.Summary;
        var summary = result.Summary;
        var metrics = summary.Metrics;
        var icon = summary.Status switch { SloCalculator.Ok => "✅", SloCalculator.Breach => "❌", _ => "⚪" };
        s.AddHeading("SLO compliance", 2);
        s.AddRaw($"<p>{icon} <strong>{Escape(summary.Status)}</strong> over {Escape(summary.Period)}" +
            (summary.Window.From is { } from ? $" ({Escape(from)} → {Escape(summary.Window.To)})" : string.Empty) +
            $", exported {Escape(summary.Timestamp)}.</p>", addEol: true);
        s.AddTable(
        [
            [Head("Objective"), Head("Target"), Head("Measured"), Head("Samples"), Head("Status"), Head("Budget left"), Head("Burn 1d / 3d / 7d / 30d"), Head("Alerts")],
            Row(summary.Objectives[0], $"P{summary.Targets.BookingLatencyPercentile} ≤ {Num(summary.Targets.BookingLatencyMs)} ms", metrics.BookingP95Latency is { } p95 ? $"{Num(p95)} ms" : "—", $"{summary.Samples.BookingLatencies:N0} samples"),
            Row(summary.Objectives[1], $"≥ {Num(summary.Targets.Uptime)} %", metrics.UptimeApprox is { } up ? $"{Num(up)} %" : "—", metrics.UptimeMethod == "health-checks" ? $"{summary.Samples.HealthChecks:N0} checks" : $"{summary.Samples.Runs:N0} runs (no health checks)"),
            ["Test pass rate", "—", metrics.PassRate is { } pass ? $"{Num(pass)} %" : "—", $"{summary.Samples.TestsExecuted:N0} tests", "—", "—", "—", "—"],
            ["Green runs", "—", metrics.RunPassRate is { } green ? $"{Num(green)} %" : "—", $"{summary.Samples.GreenRuns:N0} of {summary.Samples.Runs:N0}", "—", "—", "—", "—"],
        ]);
        foreach (var objective in summary.Objectives)
        {
            var notes = new List<string>();
            if (objective.TimeToExhaustion is { Status: "projected", Hours: { } hours, ExhaustsAt: { } at })
            {
                notes.Add($"{Escape(objective.Name)}: budget runs out in {Span(hours)} ({Escape(at)}) at the {Escape(objective.TimeToExhaustion.Basis)}.");
            }
            else if (objective.TimeToExhaustion.Status == "exhausted")
            {
                notes.Add($"{Escape(objective.Name)}: the error budget is exhausted.");
            }

            if (objective.WorstCommit is { } worst)
            {
                notes.Add($"{Escape(objective.Name)}: worst commit <code>{Escape(Short(worst.CommitSha))}</code> spent {Num(worst.BudgetConsumed * 100)} % of the budget in {worst.Runs} run(s).");
            }

            notes.AddRange(objective.Alerts.Where(a => a.Note is not null).Select(a => $"{Escape(objective.Name)} {Escape(a.Tier)} alert ({Escape(a.LongWindow)} + {Escape(a.ShortWindow)}, k = {Num(a.Threshold)}): {Escape(a.Status)}, {Escape(a.Note)}."));
            if (notes.Count > 0)
            {
                s.AddList(notes);
            }
        }

        if (MermaidChart.Render(result.Timeseries) is { } chart)
        {
            s.AddMermaid(chart);
        }

        WriteQuality(s, summary, download);
        if (summary.Files is { } files)
        {
            s.AddRaw($"<p>Files: <code>{Escape(files.Timeseries)}</code>, <code>{Escape(files.Rows)}</code>, <code>{Escape(files.Dashboard)}</code> (Grafana, Infinity data source), <code>{Escape(files.Chart)}</code>" +
                (files.OpenSlo is null ? string.Empty : $", <code>{Escape(files.OpenSlo)}</code>") + $". See <a href=\"{ProjectLinks.Doc("SLO_DASHBOARD.md")}\">the SLO dashboard guide</a>.</p>", addEol: true);
        }
    }

    private static void WriteQuality(StepSummary s, SloSummary summary, DownloadResult? download)
    {
        var quality = summary.DataQuality;
        var line = $"Data: {quality.FilesFound:N0} file(s) found, {quality.FilesRead:N0} read, {quality.RunsAccepted:N0} distinct run(s) accepted";
        if (download is not null)
        {
            line += $"; {download.Downloaded} of {download.Listed} artifact(s) downloaded ({download.FilesExtracted} file(s))";
        }

        s.AddRaw($"<p>{Escape(line)}.</p>", addEol: true);
        foreach (var group in quality.Issues)
        {
            // A markdown list: raw <code> would not stop a link inside, a code span does (names and details quote hostile files).
            var items = group.Files.Take(SummaryFiles).Select(f => $"{InertText.Code(f.File)}: {InertText.Code(f.Detail)}").ToList();
            if (group.Count > items.Count)
            {
                items.Add($"… and {group.Count - items.Count:N0} more");
            }

            s.AddDetails($"{Escape(group.Kind)}: {group.Count:N0} ({Escape(group.Effect)})", "\n\n" + string.Join("\n", items.Select(i => $"- {i}")) + "\n\n");
        }
    }

    private static SummaryTableCell[] Row(Output.SloObjective objective, string target, string measured, string samples)
    {
        var burns = string.Join(" / ", objective.BurnRates.Where(b => b.Kind == "time").Select(b => b.BurnRate is { } r ? Num(r) : "—"));
        var alerts = string.Join(", ", objective.Alerts.Select(a => $"{a.Tier}: {a.Status}"));
        // "-9900 %" reads as noise: an overspent budget says how many times over it was used.
        var left = objective.ErrorBudget.Remaining switch
        {
            null => "—",
            < 0 and var over => $"exhausted ({Num(1 - over)}× the budget used)",
            var remaining => $"{Num(remaining.Value * 100)} %",
        };
        return [Escape(objective.Name), Escape(target), Escape(measured), Escape(samples), Escape(objective.Status), Escape(left), Escape(burns), Escape(alerts)];
    }

    private static SummaryTableCell Head(string text) => SummaryTableCell.Head(text);

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Span(double hours) => hours >= 48
        ? (hours / 24).ToString("0.#", CultureInfo.InvariantCulture) + " days"
        : hours.ToString("0.#", CultureInfo.InvariantCulture) + " h";

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static string Escape(string? text) => StepSummary.Escape(text);
}
