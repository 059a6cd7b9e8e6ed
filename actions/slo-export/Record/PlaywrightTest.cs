using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>A test in one project, with its results (retries included).</summary>
public sealed record PlaywrightTest
{
    /// <summary>The project.</summary>
    [JsonPropertyName("projectName")]
    public string? ProjectName { get; init; }

    /// <summary>expected, unexpected, flaky or skipped.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Test annotations; booking-latency-ms ones are latency samples.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyList<PlaywrightAnnotation>? Annotations { get; init; }

    /// <summary>One per attempt.</summary>
    [JsonPropertyName("results")]
    public IReadOnlyList<PlaywrightResult>? Results { get; init; }
}
