using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>A reference to a data source.</summary>
public sealed record GrafanaDatasourceRef
{
    /// <summary>The plugin id.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The data source uid, or a variable.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; init; }
}
