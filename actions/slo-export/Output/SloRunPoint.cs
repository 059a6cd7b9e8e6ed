using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>One run in the timeseries: the brief's fields first.</summary>
public sealed record SloRunPoint
{
    /// <summary>When the run finished.</summary>
    [JsonPropertyName("timestamp")]
    public required string Timestamp { get; init; }

    /// <summary>The commit.</summary>
    [JsonPropertyName("commitSha")]
    public required string CommitSha { get; init; }

    /// <summary>The run's own test pass rate, percent.</summary>
    [JsonPropertyName("passRate")]
    public double? PassRate { get; init; }

    /// <summary>The run's booking P95, ms.</summary>
    [JsonPropertyName("bookingP95Latency")]
    public double? BookingP95Latency { get; init; }

    /// <summary>Whether the run was green.</summary>
    [JsonPropertyName("passed")]
    public required bool Passed { get; init; }

    /// <summary>The workflow run id.</summary>
    [JsonPropertyName("runId")]
    public required long RunId { get; init; }

    /// <summary>The attempt.</summary>
    [JsonPropertyName("runAttempt")]
    public required long RunAttempt { get; init; }

    [JsonPropertyName("workflow")]
    public required string Workflow { get; init; }

    /// <summary>Passed tests.</summary>
    [JsonPropertyName("testsPassed")]
    public required long TestsPassed { get; init; }

    /// <summary>Failed tests.</summary>
    [JsonPropertyName("testsFailed")]
    public required long TestsFailed { get; init; }

    /// <summary>Skipped tests.</summary>
    [JsonPropertyName("testsSkipped")]
    public required long TestsSkipped { get; init; }

    /// <summary>The run's booking P50, ms.</summary>
    [JsonPropertyName("bookingP50Latency")]
    public double? BookingP50Latency { get; init; }

    [JsonPropertyName("bookingSamples")]
    public required int BookingSamples { get; init; }

    /// <summary>The run's synthetic uptime, percent.</summary>
    [JsonPropertyName("uptime")]
    public double? Uptime { get; init; }

    [JsonPropertyName("healthChecks")]
    public long? HealthChecks { get; init; }

    /// <summary>Failed health checks.</summary>
    [JsonPropertyName("healthFailures")]
    public long? HealthFailures { get; init; }
}
