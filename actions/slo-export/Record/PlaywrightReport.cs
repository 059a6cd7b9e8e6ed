using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>Playwright's JSON reporter output (the parts record mode reads).</summary>
public sealed record PlaywrightReport
{
    /// <summary>Top-level suites, one per file.</summary>
    [JsonPropertyName("suites")]
    public IReadOnlyList<PlaywrightSuite>? Suites { get; init; }

    /// <summary>Errors outside tests (global setup, config).</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<PlaywrightError>? Errors { get; init; }
}
