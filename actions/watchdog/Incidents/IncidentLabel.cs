using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>A label of an issue.</summary>
public sealed record IncidentLabel
{
    /// <summary>The label's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
