using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>One attempt of a test.</summary>
public sealed record PlaywrightResult
{
    /// <summary>passed, failed, timedOut, skipped or interrupted.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Milliseconds.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    /// <summary>Annotations added while running.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyList<PlaywrightAnnotation>? Annotations { get; init; }
}
