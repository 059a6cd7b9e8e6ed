using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>The dashboard's variables.</summary>
public sealed record GrafanaTemplating
{
    /// <summary>The variables.</summary>
    [JsonPropertyName("list")]
    public required IReadOnlyList<GrafanaVariable> List { get; init; }
}
