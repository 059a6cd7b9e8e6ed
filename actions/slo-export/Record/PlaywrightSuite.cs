using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>A describe block or a file.</summary>
public sealed record PlaywrightSuite
{
    /// <summary>Its title (the file name for a file suite).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("file")]
    public string? File { get; init; }

    /// <summary>Its tests.</summary>
    [JsonPropertyName("specs")]
    public IReadOnlyList<PlaywrightSpec>? Specs { get; init; }

    /// <summary>Nested describe blocks.</summary>
    [JsonPropertyName("suites")]
    public IReadOnlyList<PlaywrightSuite>? Suites { get; init; }
}
