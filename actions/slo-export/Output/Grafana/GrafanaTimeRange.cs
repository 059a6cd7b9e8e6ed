using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>A dashboard time range (relative like now-30d, or ISO-8601).</summary>
public sealed record GrafanaTimeRange
{
    /// <summary>Start.</summary>
    [JsonPropertyName("from")]
    public required string From { get; init; }

    /// <summary>End.</summary>
    [JsonPropertyName("to")]
    public required string To { get; init; }
}
