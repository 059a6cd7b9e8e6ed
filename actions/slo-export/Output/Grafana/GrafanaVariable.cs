using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>A data source variable: the importer picks the Infinity data source.</summary>
public sealed record GrafanaVariable
{
    /// <summary>The variable name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("label")]
    public required string Label { get; init; }

    /// <summary>datasource.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The plugin id.</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>0: shown.</summary>
    [JsonPropertyName("hide")]
    public int Hide { get; init; }
}
