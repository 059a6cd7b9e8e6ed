using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>One check as <c>watchdog-result.json</c> records it (the last attempt's answer).</summary>
public sealed record CheckResult
{
    /// <summary>The check's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary><c>health</c>, <c>bookings</c> or <c>extra</c>.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The endpoint probed.</summary>
    [JsonPropertyName("endpoint")]
    public required string Endpoint { get; init; }

    /// <summary><c>pass</c>, <c>slow</c> or <c>fail</c>.</summary>
    [JsonPropertyName("outcome")]
    public required string Outcome { get; init; }

    /// <summary>The HTTP status of the last attempt; null when no answer came.</summary>
    [JsonPropertyName("statusCode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? StatusCode { get; init; }

    /// <summary>Milliseconds of the last attempt.</summary>
    [JsonPropertyName("latencyMs")]
    public required long LatencyMs { get; init; }

    /// <summary>The transport error of the last attempt (timeout, refused, reset, tls, dns, other).</summary>
    [JsonPropertyName("errorKind")]
    public string? ErrorKind { get; init; }

    /// <summary>What went wrong, in one line; null when it passed.</summary>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Error { get; init; }

    /// <summary>Conditions that failed on the last attempt, each with what was seen.</summary>
    [JsonPropertyName("failedConditions")]
    public IReadOnlyList<string> FailedConditions { get; init; } = [];

    /// <summary>Attempts made (1 + confirmation retries used).</summary>
    [JsonPropertyName("attempts")]
    public required int Attempts { get; init; }

    /// <summary>For a 3xx: the host the redirect points to (never followed).</summary>
    [JsonPropertyName("redirectHost")]
    public string? RedirectHost { get; init; }

    /// <summary>True when the body was longer than the read bound and was cut.</summary>
    [JsonPropertyName("bodyTruncated")]
    public bool? BodyTruncated { get; init; }

    /// <summary>The parsed outcome.</summary>
    [JsonIgnore]
    public CheckOutcome Verdict => Outcome switch
    {
        "pass" => CheckOutcome.Pass,
        "slow" => CheckOutcome.Slow,
        _ => CheckOutcome.Fail,
    };

    /// <summary>True when the last attempt got no HTTP answer.</summary>
    [JsonIgnore]
    public bool IsTransportError => ErrorKind is not null;
}
