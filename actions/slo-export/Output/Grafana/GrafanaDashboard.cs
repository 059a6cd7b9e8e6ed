using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>A Grafana dashboard (import it, or provision it): panels over the rows export through the Infinity data source.</summary>
public sealed record GrafanaDashboard
{
    /// <summary>Fixed, so a re-import replaces the dashboard.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>What it shows.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    [JsonPropertyName("tags")]
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>utc.</summary>
    [JsonPropertyName("timezone")]
    public required string Timezone { get; init; }

    /// <summary>The dashboard schema version.</summary>
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; }

    /// <summary>The dashboard version.</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; }

    /// <summary>Editable in the UI.</summary>
    [JsonPropertyName("editable")]
    public bool Editable { get; init; }

    /// <summary>The default time range.</summary>
    [JsonPropertyName("time")]
    public required GrafanaTimeRange Time { get; init; }

    /// <summary>The data source variable.</summary>
    [JsonPropertyName("templating")]
    public required GrafanaTemplating Templating { get; init; }

    [JsonPropertyName("panels")]
    public required IReadOnlyList<GrafanaPanel> Panels { get; init; }
}
