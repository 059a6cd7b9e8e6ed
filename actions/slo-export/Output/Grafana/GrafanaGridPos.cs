using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>A panel's place on the 24-column grid.</summary>
public sealed record GrafanaGridPos
{
    /// <summary>Height.</summary>
    [JsonPropertyName("h")]
    public required int H { get; init; }

    /// <summary>Width.</summary>
    [JsonPropertyName("w")]
    public required int W { get; init; }

    /// <summary>Column.</summary>
    [JsonPropertyName("x")]
    public required int X { get; init; }

    /// <summary>Row.</summary>
    [JsonPropertyName("y")]
    public required int Y { get; init; }
}
