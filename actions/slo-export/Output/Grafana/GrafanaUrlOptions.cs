using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>How Infinity requests the URL.</summary>
public sealed record GrafanaUrlOptions
{
    /// <summary>GET.</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>No body.</summary>
    [JsonPropertyName("data")]
    public required string Data { get; init; }
}
