using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>How many samples each figure of the window rests on.</summary>
public sealed record SloSamples
{
    [JsonPropertyName("runs")]
    public required int Runs { get; init; }

    /// <summary>Runs that passed.</summary>
    [JsonPropertyName("greenRuns")]
    public required int GreenRuns { get; init; }

    /// <summary>Tests passed + failed.</summary>
    [JsonPropertyName("testsExecuted")]
    public required long TestsExecuted { get; init; }

    /// <summary>Skipped tests (not in the pass rate).</summary>
    [JsonPropertyName("testsSkipped")]
    public required long TestsSkipped { get; init; }

    /// <summary>Booking latency samples.</summary>
    [JsonPropertyName("bookingLatencies")]
    public required long BookingLatencies { get; init; }

    [JsonPropertyName("healthChecks")]
    public required long HealthChecks { get; init; }

    /// <summary>Runs that carried health.</summary>
    [JsonPropertyName("runsWithHealth")]
    public required int RunsWithHealth { get; init; }
}
