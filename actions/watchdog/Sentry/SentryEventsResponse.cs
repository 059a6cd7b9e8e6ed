using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Sentry;

/// <summary>The part of Sentry's <c>GET /api/0/organizations/{org}/events/</c> answer the budget reads.</summary>
public sealed record SentryEventsResponse
{
    /// <summary>One row per group; with only aggregate fields, one row.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<SentryEventsRow>? Data { get; init; }
}
