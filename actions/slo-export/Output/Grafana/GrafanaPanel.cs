using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>One panel.</summary>
public sealed record GrafanaPanel
{
    [JsonPropertyName("id")]
    public required int Id { get; init; }

    /// <summary>timeseries or stat.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>What it shows.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>Where it sits.</summary>
    [JsonPropertyName("gridPos")]
    public required GrafanaGridPos GridPos { get; init; }

    [JsonPropertyName("datasource")]
    public required GrafanaDatasourceRef Datasource { get; init; }

    /// <summary>The queries.</summary>
    [JsonPropertyName("targets")]
    public required IReadOnlyList<GrafanaTarget> Targets { get; init; }

    /// <summary>Units, ranges and thresholds.</summary>
    [JsonPropertyName("fieldConfig")]
    public required GrafanaFieldConfig FieldConfig { get; init; }

    /// <summary>Stat options (stat panels).</summary>
    [JsonPropertyName("options")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GrafanaStatOptions? Options { get; init; }
}
