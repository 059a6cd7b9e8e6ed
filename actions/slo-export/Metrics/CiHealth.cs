using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>Synthetic health checks made during one CI run: the uptime SLI's events.</summary>
public sealed record CiHealth
{
    /// <summary>Checks made.</summary>
    [JsonPropertyName("checks")]
    public long? Checks { get; init; }

    /// <summary>Checks that failed.</summary>
    [JsonPropertyName("failures")]
    public long? Failures { get; init; }
}
