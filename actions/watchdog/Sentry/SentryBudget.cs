using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Sentry;

/// <summary>The error budget check as <c>watchdog-result.json</c> records it.</summary>
public sealed record SentryBudget
{
    /// <summary><c>ok</c>, <c>breached</c> or <c>unavailable</c> (Sentry could not be asked; the status ignores it).</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>failure_rate() over the window.</summary>
    [JsonPropertyName("failureRate")]
    public double? FailureRate { get; init; }

    /// <summary>count() over the window.</summary>
    [JsonPropertyName("count")]
    public long? Count { get; init; }

    /// <summary>The budget: the largest acceptable failure rate.</summary>
    [JsonPropertyName("budget")]
    public required double Budget { get; init; }

    /// <summary>The window, as Sentry's statsPeriod.</summary>
    [JsonPropertyName("period")]
    public required string Period { get; init; }

    /// <summary>Why Sentry could not be asked.</summary>
    [JsonPropertyName("problem")]
    public string? Problem { get; init; }

    /// <summary>True when the budget is breached.</summary>
    [JsonIgnore]
    public bool Breached => State == "breached";
}
