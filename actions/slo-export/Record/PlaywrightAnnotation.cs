using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>A test annotation, e.g. { type: 'booking-latency-ms', description: '412' }.</summary>
public sealed record PlaywrightAnnotation
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The value.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
