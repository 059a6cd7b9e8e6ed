using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>Compliance per target and overall; null when there is too little data to tell.</summary>
public sealed record SloCompliance
{
    /// <summary>P95 ≤ target.</summary>
    [JsonPropertyName("bookingLatency")]
    public bool? BookingLatency { get; init; }

    /// <summary>Uptime ≥ target.</summary>
    [JsonPropertyName("uptime")]
    public bool? Uptime { get; init; }

    /// <summary>Every target met (false when one is breached, null when none is but one is unknown).</summary>
    [JsonPropertyName("overall")]
    public bool? Overall { get; init; }
}
