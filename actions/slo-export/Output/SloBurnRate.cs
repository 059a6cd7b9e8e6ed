using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The burn rate over one window: BR = E(W) / B (1 spends the budget exactly over the period).</summary>
public sealed record SloBurnRate
{
    /// <summary>e.g. 5 runs or 1d.</summary>
    [JsonPropertyName("window")]
    public required string Window { get; init; }

    /// <summary>runs or time.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Events in the window.</summary>
    [JsonPropertyName("events")]
    public required long Events { get; init; }

    /// <summary>Bad events in the window.</summary>
    [JsonPropertyName("badEvents")]
    public required long BadEvents { get; init; }

    /// <summary>E(W).</summary>
    [JsonPropertyName("errorRatio")]
    public double? ErrorRatio { get; init; }

    /// <summary>E(W) / B.</summary>
    [JsonPropertyName("burnRate")]
    public double? BurnRate { get; init; }

    /// <summary>ok or insufficient_data.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }
}
