using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Sentry;

/// <summary>One row of the events table with the two aggregate fields requested.</summary>
public sealed record SentryEventsRow
{
    /// <summary>Share of transactions that failed, 0–1.</summary>
    [JsonPropertyName("failure_rate()")]
    public double? FailureRate { get; init; }

    /// <summary>Transactions in the window.</summary>
    [JsonPropertyName("count()")]
    public long? Count { get; init; }
}
