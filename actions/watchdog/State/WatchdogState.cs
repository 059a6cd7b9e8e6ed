using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.State;

/// <summary>
/// What carries between runs: the streaks, the open incident and the last remediation. It is the state file
/// (<c>state-path</c>, persisted by actions/cache) and, once an incident exists, the hidden marker in its body, so
/// a lost cache does not reset an incident's streak.
/// </summary>
public sealed record WatchdogState
{
    /// <summary>The format version.</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; } = 1;

    /// <summary>When this state was written (ISO-8601 UTC); the newer of file and marker wins.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The last decided status (unknown runs leave the state unchanged).</summary>
    [JsonPropertyName("lastStatus")]
    public string? LastStatus { get; init; }

    /// <summary>Failing runs in a row.</summary>
    [JsonPropertyName("failureStreak")]
    public int FailureStreak { get; init; }

    /// <summary>Healthy runs in a row.</summary>
    [JsonPropertyName("successStreak")]
    public int SuccessStreak { get; init; }

    /// <summary>The open incident issue, if any.</summary>
    [JsonPropertyName("incidentNumber")]
    public int? IncidentNumber { get; init; }

    /// <summary>When remediation was last attempted (the cooldown counts from here).</summary>
    [JsonPropertyName("lastRemediationAt")]
    public DateTimeOffset? LastRemediationAt { get; init; }

    /// <summary>The status and failed checks last commented, so an unchanged outage is not commented every run.</summary>
    [JsonPropertyName("lastSignature")]
    public string? LastSignature { get; init; }

    /// <summary>The state of a first run.</summary>
    public static WatchdogState Empty { get; } = new();

    /// <summary>The newer of two states (by <see cref="UpdatedAt"/>); either may be null.</summary>
    public static WatchdogState Newest(WatchdogState? a, WatchdogState? b) =>
        (a, b) switch
        {
            (null, null) => Empty,
            (null, { } only) => only,
            ({ } only, null) => only,
            ({ } x, { } y) => (y.UpdatedAt ?? DateTimeOffset.MinValue) > (x.UpdatedAt ?? DateTimeOffset.MinValue) ? y : x,
        };
}
