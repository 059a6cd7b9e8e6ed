using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>Absolute thresholds.</summary>
public sealed record GrafanaThresholds
{
    /// <summary>absolute.</summary>
    [JsonPropertyName("mode")]
    public required string Mode { get; init; }

    [JsonPropertyName("steps")]
    public required IReadOnlyList<GrafanaThresholdStep> Steps { get; init; }
}
