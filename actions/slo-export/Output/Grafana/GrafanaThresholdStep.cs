using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>A threshold step (the first has a null value: the base).</summary>
public sealed record GrafanaThresholdStep
{
    /// <summary>The colour.</summary>
    [JsonPropertyName("color")]
    public required string Color { get; init; }

    /// <summary>From this value on.</summary>
    [JsonPropertyName("value")]
    public double? Value { get; init; }
}
