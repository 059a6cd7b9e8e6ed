using System.Globalization;
using System.Net;
using System.Text;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>
/// An SVG chart of the window (pure): booking P95 per run against the target, and the error budget remaining.
/// Runs are spaced evenly; more than <see cref="MaxPoints"/> runs are bucketed (worst value per bucket).
/// </summary>
public static class SvgChart
{
    /// <summary>Most points drawn per line.</summary>
    public const int MaxPoints = 500;

    private const int Width = 800, Left = 60, Right = 20, PlotWidth = Width - Left - Right;

    /// <summary>Renders the chart.</summary>
    public static string Render(SloSummary summary, IReadOnlyList<SloRow> rows)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(rows);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"420\" viewBox=\"0 0 {Width} 420\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{Escape($"Booking P95 latency vs target ({summary.Targets.BookingLatencyMs} ms), {summary.Period}")}</text>\n");
        if (rows.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"120\" fill=\"#666666\">No runs in the window: insufficient data.</text>\n</svg>\n");
            return svg.ToString();
        }

        var p95 = Bucket(rows.Select(r => r.BookingP95Ms).ToList(), worstIsMax: true);
        var maxMs = Math.Max(summary.Targets.BookingLatencyMs * 1.2, p95.OfType<double>().DefaultIfEmpty(0).Max() * 1.05);
        Panel(svg, 40, 220, 0, maxMs, "ms");
        Line(svg, [.. p95.Select(_ => (double?)summary.Targets.BookingLatencyMs)], 40, 220, 0, maxMs, "#d62728", dashed: true);
        Line(svg, p95, 40, 220, 0, maxMs, "#1f77b4", dashed: false);
        Legend(svg, 36, ("#1f77b4", "P95 per run"), ("#d62728", "target"));

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"290\" font-size=\"14\" font-weight=\"bold\">{Escape("Error budget remaining (%)")}</text>\n");
        var latency = Bucket(rows.Select(r => r.LatencyBudgetRemaining).ToList(), worstIsMax: false);
        var uptime = Bucket(rows.Select(r => r.UptimeBudgetRemaining).ToList(), worstIsMax: false);
        var low = Math.Min(0, latency.Concat(uptime).OfType<double>().DefaultIfEmpty(0).Min());
        Panel(svg, 300, 100, low, 100, "%");
        Line(svg, latency, 300, 100, low, 100, "#1f77b4", dashed: false);
        Line(svg, uptime, 300, 100, low, 100, "#2ca02c", dashed: false);
        Legend(svg, 296, ("#1f77b4", "latency budget"), ("#2ca02c", "uptime budget"));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"415\" fill=\"#666666\">{Escape(rows[0].Time)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"415\" fill=\"#666666\" text-anchor=\"end\">{Escape(rows[^1].Time)}</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>At most <see cref="MaxPoints"/> values: each bucket keeps its worst value (nulls only when all are null).</summary>
    public static List<double?> Bucket(List<double?> values, bool worstIsMax)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count <= MaxPoints)
        {
            return values;
        }

        var size = (values.Count + MaxPoints - 1) / MaxPoints;
        return [.. values.Chunk(size).Select(chunk => chunk.OfType<double>().Any() ? (worstIsMax ? chunk.Max() : chunk.Min()) : null)];
    }

    private static void Panel(StringBuilder svg, int top, int height, double min, double max, string unit)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{top}\" width=\"{PlotWidth}\" height=\"{height}\" fill=\"none\" stroke=\"#cccccc\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{top + 4}\" text-anchor=\"end\">{Escape(Format(max) + " " + unit)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{top + height}\" text-anchor=\"end\">{Escape(Format(min) + " " + unit)}</text>\n");
    }

    /// <summary>Draws the values as polylines; a null breaks the line (no invented points).</summary>
    private static void Line(StringBuilder svg, List<double?> values, int top, int height, double min, double max, string color, bool dashed)
    {
        var segment = new List<string>();
        void Flush()
        {
            if (segment.Count == 1)
            {
                var xy = segment[0].Split(',');
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3\" fill=\"{color}\"/>\n");
            }
            else if (segment.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"6 4\"" : string.Empty)} points=\"{string.Join(' ', segment)}\"/>\n");
            }

            segment.Clear();
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                Flush();
                continue;
            }

            var x = Left + (values.Count == 1 ? PlotWidth / 2.0 : PlotWidth * i / (double)(values.Count - 1));
            var clamped = Math.Clamp(value, min, max);
            var y = top + height - ((clamped - min) / (max - min) * height);
            segment.Add(string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}"));
        }

        Flush();
    }

    private static void Legend(StringBuilder svg, int y, params (string Color, string Text)[] items)
    {
        var x = Width - Right - (items.Length * 130);
        foreach (var (color, text) in items)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y - 9}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{x + 14}\" y=\"{y}\">{Escape(text)}</text>\n");
            x += 130;
        }
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
