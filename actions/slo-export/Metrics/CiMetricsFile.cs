using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>
/// One CI run's metrics file (<c>ci-metrics/*.json</c>, documented in docs/SLO_DASHBOARD.md). Every field is
/// nullable here so that a file missing some is named with the full list of what is missing, not the first.
/// </summary>
public sealed record CiMetricsFile
{
    /// <summary>The format's version (1).</summary>
    [JsonPropertyName("schemaVersion")]
    public int? SchemaVersion { get; init; }

    /// <summary>When the run finished, ISO-8601.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }

    /// <summary>The commit tested.</summary>
    [JsonPropertyName("commitSha")]
    public string? CommitSha { get; init; }

    /// <summary>The workflow run id (a number; a string of digits is accepted).</summary>
    [JsonPropertyName("runId")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? RunId { get; init; }

    /// <summary>The run attempt (re-runs share the run id).</summary>
    [JsonPropertyName("runAttempt")]
    public long? RunAttempt { get; init; }

    /// <summary>The workflow's name.</summary>
    [JsonPropertyName("workflow")]
    public string? Workflow { get; init; }

    /// <summary>Whether the run was green.</summary>
    [JsonPropertyName("passed")]
    public bool? Passed { get; init; }

    /// <summary>The test counts.</summary>
    [JsonPropertyName("tests")]
    public CiTestCounts? Tests { get; init; }

    /// <summary>Booking-flow latencies in milliseconds.</summary>
    [JsonPropertyName("bookingLatenciesMs")]
    public IReadOnlyList<double>? BookingLatenciesMs { get; init; }

    /// <summary>Synthetic health checks made during the run (optional).</summary>
    [JsonPropertyName("health")]
    public CiHealth? Health { get; init; }

    /// <summary>The git ref (optional).</summary>
    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    /// <summary>The triggering event (optional).</summary>
    [JsonPropertyName("event")]
    public string? Event { get; init; }

    /// <summary>What wrote the file (optional), e.g. <c>slo-export record (playwright)</c>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
}
