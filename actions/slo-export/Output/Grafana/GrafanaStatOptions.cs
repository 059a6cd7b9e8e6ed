using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>Stat panel options.</summary>
public sealed record GrafanaStatOptions
{
    /// <summary>How the series is reduced.</summary>
    [JsonPropertyName("reduceOptions")]
    public required GrafanaReduceOptions ReduceOptions { get; init; }

    /// <summary>background.</summary>
    [JsonPropertyName("colorMode")]
    public required string ColorMode { get; init; }

    /// <summary>area.</summary>
    [JsonPropertyName("graphMode")]
    public required string GraphMode { get; init; }
}
