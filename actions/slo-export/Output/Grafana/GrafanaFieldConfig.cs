using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>Field defaults of a panel.</summary>
public sealed record GrafanaFieldConfig
{
    [JsonPropertyName("defaults")]
    public required GrafanaFieldDefaults Defaults { get; init; }

    /// <summary>None.</summary>
    [JsonPropertyName("overrides")]
    public required IReadOnlyList<string> Overrides { get; init; }
}
