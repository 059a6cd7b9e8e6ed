using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>An objective's error budget over the rolling period: B = 1 − objective; remaining = 1 − E(P)/B.</summary>
public sealed record SloErrorBudget
{
    /// <summary>The rolling period, e.g. 30d.</summary>
    [JsonPropertyName("period")]
    public required string Period { get; init; }

    /// <summary>B, as a fraction of events.</summary>
    [JsonPropertyName("budget")]
    public required double Budget { get; init; }

    /// <summary>Events in the period.</summary>
    [JsonPropertyName("events")]
    public required long Events { get; init; }

    /// <summary>Bad events in the period.</summary>
    [JsonPropertyName("badEvents")]
    public required long BadEvents { get; init; }

    /// <summary>E(P) = bad / events.</summary>
    [JsonPropertyName("errorRatio")]
    public double? ErrorRatio { get; init; }

    /// <summary>E(P) / B (1 = all spent).</summary>
    [JsonPropertyName("consumed")]
    public double? Consumed { get; init; }

    /// <summary>1 − consumed; negative when overspent.</summary>
    [JsonPropertyName("remaining")]
    public double? Remaining { get; init; }

    /// <summary>ok, exhausted or insufficient_data.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }
}
