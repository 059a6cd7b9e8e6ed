using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>A typed Infinity column.</summary>
public sealed record GrafanaColumn
{
    /// <summary>The row field.</summary>
    [JsonPropertyName("selector")]
    public required string Selector { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>timestamp, number, string or boolean.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }
}
