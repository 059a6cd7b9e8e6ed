using System.Globalization;
using System.Text;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The step summary's Mermaid chart (pure): booking P95 per run as bars, the target as a line; at most 50 bars.</summary>
public static class MermaidChart
{
    /// <summary>Most bars drawn; longer windows are bucketed (worst P95 per bucket).</summary>
    public const int MaxBars = 50;

    /// <summary>The chart, or null when no run has a booking sample.</summary>
    public static string? Render(SloTimeseries timeseries)
    {
        ArgumentNullException.ThrowIfNull(timeseries);
        var values = timeseries.Runs.Select(r => r.BookingP95Latency).ToList();
        if (!values.Any(v => v is not null))
        {
            return null;
        }

        var size = Math.Max(1, (values.Count + MaxBars - 1) / MaxBars);
        // Mermaid's xychart has no gaps: a run without samples is drawn as 0 and said so in the title.
        var bars = values.Chunk(size).Select(c => c.OfType<double>().DefaultIfEmpty(0).Max()).ToList();
        var target = timeseries.Targets.BookingLatencyMs;
        var top = Math.Ceiling(Math.Max(target * 1.2, bars.Max() * 1.05));
        var chart = new StringBuilder();
        chart.Append("xychart-beta\n");
        chart.Append(CultureInfo.InvariantCulture, $"  title \"Booking P95 per {(size == 1 ? "run" : $"{size} runs (worst)")} vs target {Format(target)} ms\"\n");
        chart.Append(CultureInfo.InvariantCulture, $"  x-axis [{string.Join(", ", bars.Select((_, i) => Format(i * size + 1)))}]\n");
        chart.Append(CultureInfo.InvariantCulture, $"  y-axis \"ms\" 0 --> {Format(top)}\n");
        chart.Append(CultureInfo.InvariantCulture, $"  bar [{string.Join(", ", bars.Select(Format))}]\n");
        chart.Append(CultureInfo.InvariantCulture, $"  line [{string.Join(", ", bars.Select(_ => Format(target)))}]\n");
        return chart.ToString();
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
