using System.Globalization;
using System.Text;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.TrafficShadow.Results;
using static Bookiji.Actions.Core.Summary.StepSummary;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>The step summary, built from the typed results: it reads the same with 0, 1 or 10,000 endpoints.</summary>
internal static class TrafficShadowSummary
{
    private const int MaxRows = 50;

    public static void Write(StepSummary summary, TrafficShadowResults results)
    {
        var icon = results.Verdict switch { "promote" => "✅", "hold" => "⏸️", _ => "🛑" };
        summary.AddHeading($"{icon} Canary verdict: {results.Verdict}" + (results.Score is { } score ? $" (score {score.ToString("0.#", CultureInfo.InvariantCulture)})" : string.Empty), 2)
            .AddRaw($"<p>{InertText.HtmlCode(results.Reason, 2000)}</p>", addEol: true);
        var run = results.Run;
        summary.AddRaw(FormattableString.Invariant($"<p>{results.TotalRequests} requests per target in {run.ElapsedSeconds} s — {run.AchievedRps} req/s achieved") +
            (run.TargetRps is { } target ? FormattableString.Invariant($" of {target} targeted") : " (closed loop)") +
            (run.Saturated ? " — <b>generator saturated: latencies are upper bounds</b>" : string.Empty) + ".</p>", addEol: true);
        if (run.Compared > 0)
        {
            summary.AddRaw(FormattableString.Invariant($"<p>Responses compared: {run.Compared}; differing: {run.Differing} ({100.0 * run.Differing / run.Compared:0.##} %)") +
                (run.OverMaxBody > 0 ? FormattableString.Invariant($"; {run.OverMaxBody} pairs had a body over max-body and were compared by SHA-256") : string.Empty) + ".</p>", addEol: true);
        }

        AddTable(summary, results);
        AddChart(summary, results);
        if (results.Diffs.Count > 0)
        {
            summary.AddDetails($"Response differences ({run.Differing} of {run.Compared} compared, {results.Diffs.Count} endpoints)",
                "<ul>" + string.Concat(results.Diffs.Take(10).Select(d => $"<li>{InertText.HtmlCode(d.Endpoint)}: {d.Count} × — {InertText.HtmlCode(d.Example)}</li>")) +
                (results.Diffs.Count > 10 ? $"<li>… and {results.Diffs.Count - 10} more endpoints in the results file</li>" : string.Empty) + "</ul>");
        }

        if (results.Notes.Count > 0)
        {
            summary.AddDetails($"Notes: skipped or refused sample entries ({results.Notes.Count})",
                "<ul>" + string.Concat(results.Notes.Take(30).Select(n => $"<li>{InertText.HtmlCode(n)}</li>")) + (results.Notes.Count > 30 ? $"<li>… {results.Notes.Count - 30} more in the results file</li>" : string.Empty) + "</ul>");
        }
    }

    private static void AddTable(StepSummary summary, TrafficShadowResults results)
    {
        var rows = new List<IEnumerable<SummaryTableCell>>
        {
            new[] { SummaryTableCell.Head("Endpoint"), SummaryTableCell.Head("Requests"), SummaryTableCell.Head("p50 ms"), SummaryTableCell.Head("p95 ms"), SummaryTableCell.Head("p99 ms"), SummaryTableCell.Head("Baseline p95"), SummaryTableCell.Head("5xx+transport"), SummaryTableCell.Head("Judgement") },
        };
        var p = results.PercentilesMs;
        rows.Add(new SummaryTableCell[]
        {
            "<b>all endpoints</b>", N(results.TotalRequests), N(p.P50), N(p.P95), N(p.P99), results.Baseline is { } b ? N(b.PercentilesMs.P95) : "—", N(results.Errors),
            Judgement(results, "(all)", "judged per endpoint only"),
        });
        foreach (var endpoint in results.Endpoints.Take(MaxRows))
        {
            rows.Add(new SummaryTableCell[]
            {
                InertText.HtmlCode(endpoint.Endpoint), N(endpoint.Requests), N(endpoint.P50Ms), N(endpoint.P95Ms), N(endpoint.P99Ms),
                endpoint.BaselineP95Ms is { } bp ? N(bp) : "—", N(endpoint.Errors), Judgement(results, endpoint.Endpoint, "judged with all endpoints"),
            });
        }

        summary.AddTable(rows);
        if (results.Endpoints.Count > MaxRows)
        {
            summary.AddRaw($"<p>… and {results.Endpoints.Count - MaxRows} more endpoints in the results file.</p>", addEol: true);
        }
    }

    /// <summary>The metrics judged for <paramref name="endpoint"/>, with their numbers; never empty.</summary>
    private static string Judgement(TrafficShadowResults results, string endpoint, string none)
    {
        var parts = results.Metrics.Where(m => m.Endpoint == endpoint)
            .Select(m => m.Outcome == "pass" ? $"{m.Metric}: pass" : $"{m.Metric}: <b>{m.Outcome}</b> ({Escape(m.Detail)})")
            .ToList();
        return parts.Count == 0 ? none : string.Join("<br>", parts);
    }

    private static void AddChart(StepSummary summary, TrafficShadowResults results) => summary.AddMermaid(Chart(results));

    /// <summary>The latency chart (Mermaid), shared by the step summary and the PR comment.</summary>
    internal static string Chart(TrafficShadowResults results)
    {
        // The title names only the series drawn; the y-axis starts at 0 (Mermaid otherwise starts it at the smallest
        // value, which makes a 2 ms difference look like a cliff).
        var baselineSeries = results.Baseline?.PercentilesMs;
        var values = Values(results.PercentilesMs).Concat(baselineSeries is null ? Array.Empty<double>() : Values(baselineSeries));
        var top = Math.Max(1, Math.Ceiling(values.Max()));
        var title = baselineSeries is null ? "Latency (ms) of the canary" : "Latency (ms): bars canary, line baseline";
        var mermaid = new StringBuilder(FormattableString.Invariant($"xychart-beta\n  title \"{title}\"\n  x-axis [p50, p90, p95, p99, max]\n  y-axis \"ms\" 0 --> {top}\n"));
        mermaid.Append("  bar [").Append(Series(results.PercentilesMs)).Append("]\n");
        if (results.Baseline is { } baseline)
        {
            mermaid.Append("  line [").Append(Series(baseline.PercentilesMs)).Append("]\n");
        }

        return mermaid.ToString();
    }

    private static string Series(PercentilesMs p) => string.Join(", ", Values(p).Select(N));

    private static double[] Values(PercentilesMs p) => [p.P50, p.P90, p.P95, p.P99, p.Max];

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
