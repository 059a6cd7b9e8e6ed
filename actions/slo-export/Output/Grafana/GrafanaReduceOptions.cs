using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>Reduce a series to one value.</summary>
public sealed record GrafanaReduceOptions
{
    /// <summary>lastNotNull.</summary>
    [JsonPropertyName("calcs")]
    public required IReadOnlyList<string> Calcs { get; init; }

    /// <summary>false: reduce.</summary>
    [JsonPropertyName("values")]
    public bool Values { get; init; }

    /// <summary>Empty: numeric fields.</summary>
    [JsonPropertyName("fields")]
    public required string Fields { get; init; }
}
