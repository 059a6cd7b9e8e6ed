using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>A panel's place on the 24-column grid.</summary>
public sealed record GrafanaGridPos
{
    /// <summary>Height in grid rows (one row is 30 px).</summary>
    [JsonPropertyName("h")]
    public required int H { get; init; }

    /// <summary>Width in columns, of 24.</summary>
    [JsonPropertyName("w")]
    public required int W { get; init; }

    /// <summary>Column.</summary>
    [JsonPropertyName("x")]
    public required int X { get; init; }

    /// <summary>Row.</summary>
    [JsonPropertyName("y")]
    public required int Y { get; init; }
}
