using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>One flat row of slo-rows.json, for Grafana's Infinity data source (typed columns, ISO-8601 time).</summary>
public sealed record SloRow
{
    /// <summary>When the run finished, ISO-8601 UTC.</summary>
    [JsonPropertyName("time")]
    public required string Time { get; init; }

    /// <summary>The workflow run id.</summary>
    [JsonPropertyName("runId")]
    public required long RunId { get; init; }

    /// <summary>The commit.</summary>
    [JsonPropertyName("commitSha")]
    public required string CommitSha { get; init; }

    [JsonPropertyName("workflow")]
    public required string Workflow { get; init; }

    /// <summary>Green run.</summary>
    [JsonPropertyName("passed")]
    public required bool Passed { get; init; }

    /// <summary>Test pass rate, percent.</summary>
    [JsonPropertyName("passRate")]
    public double? PassRate { get; init; }

    /// <summary>Booking P95, ms.</summary>
    [JsonPropertyName("bookingP95Ms")]
    public double? BookingP95Ms { get; init; }

    /// <summary>Booking P50, ms.</summary>
    [JsonPropertyName("bookingP50Ms")]
    public double? BookingP50Ms { get; init; }

    /// <summary>The latency target, ms.</summary>
    [JsonPropertyName("bookingTargetMs")]
    public required double BookingTargetMs { get; init; }

    /// <summary>Synthetic uptime, percent.</summary>
    [JsonPropertyName("uptime")]
    public double? Uptime { get; init; }

    /// <summary>The uptime target, percent.</summary>
    [JsonPropertyName("uptimeTarget")]
    public required double UptimeTarget { get; init; }

    /// <summary>Latency budget remaining over the period ending at this run, percent.</summary>
    [JsonPropertyName("latencyBudgetRemaining")]
    public double? LatencyBudgetRemaining { get; init; }

    /// <summary>Uptime budget remaining over the period ending at this run, percent.</summary>
    [JsonPropertyName("uptimeBudgetRemaining")]
    public double? UptimeBudgetRemaining { get; init; }
}
