using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>One test declaration, run once per project.</summary>
public sealed record PlaywrightSpec
{
    /// <summary>The test title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("file")]
    public string? File { get; init; }

    /// <summary>One per project.</summary>
    [JsonPropertyName("tests")]
    public IReadOnlyList<PlaywrightTest>? Tests { get; init; }
}
