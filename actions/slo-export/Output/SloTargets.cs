using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The targets of the summary.</summary>
public sealed record SloTargets
{
    /// <summary>Booking P95 latency target, ms.</summary>
    [JsonPropertyName("bookingLatencyMs")]
    public required double BookingLatencyMs { get; init; }

    /// <summary>Uptime target, percent.</summary>
    [JsonPropertyName("uptime")]
    public required double Uptime { get; init; }

    /// <summary>The latency target's percentile (95).</summary>
    [JsonPropertyName("bookingLatencyPercentile")]
    public int BookingLatencyPercentile { get; init; }
}
