using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>The tests of one CI run.</summary>
public sealed record CiTestCounts
{
    /// <summary>All tests (passed + failed + skipped, or more when a report counts otherwise).</summary>
    [JsonPropertyName("total")]
    public long? Total { get; init; }

    /// <summary>Passed tests (flaky tests that passed on retry included).</summary>
    [JsonPropertyName("passed")]
    public long? Passed { get; init; }

    /// <summary>Failed tests.</summary>
    [JsonPropertyName("failed")]
    public long? Failed { get; init; }

    /// <summary>Skipped tests (excluded from pass rates).</summary>
    [JsonPropertyName("skipped")]
    public long? Skipped { get; init; }
}
