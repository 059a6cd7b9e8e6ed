using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>An Infinity query: JSON rows from a URL or inline, with typed columns.</summary>
public sealed record GrafanaTarget
{
    /// <summary>The query id.</summary>
    [JsonPropertyName("refId")]
    public required string RefId { get; init; }

    [JsonPropertyName("datasource")]
    public required GrafanaDatasourceRef Datasource { get; init; }

    /// <summary>json.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>url or inline.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>The rows URL (source url).</summary>
    [JsonPropertyName("url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    /// <summary>The request (source url).</summary>
    [JsonPropertyName("url_options")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GrafanaUrlOptions? UrlOptions { get; init; }

    /// <summary>The rows (source inline).</summary>
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Data { get; init; }

    /// <summary>table.</summary>
    [JsonPropertyName("format")]
    public required string Format { get; init; }

    /// <summary>backend (alerting-capable).</summary>
    [JsonPropertyName("parser")]
    public required string Parser { get; init; }

    /// <summary>Empty: the rows are the root array.</summary>
    [JsonPropertyName("root_selector")]
    public required string RootSelector { get; init; }

    /// <summary>Typed columns.</summary>
    [JsonPropertyName("columns")]
    public required IReadOnlyList<GrafanaColumn> Columns { get; init; }
}
