using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>Unit, range and thresholds.</summary>
public sealed record GrafanaFieldDefaults
{
    /// <summary>percent, ms.</summary>
    [JsonPropertyName("unit")]
    public required string Unit { get; init; }

    /// <summary>Axis minimum.</summary>
    [JsonPropertyName("min")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Min { get; init; }

    /// <summary>Axis maximum.</summary>
    [JsonPropertyName("max")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Max { get; init; }

    [JsonPropertyName("thresholds")]
    public required GrafanaThresholds Thresholds { get; init; }
}
