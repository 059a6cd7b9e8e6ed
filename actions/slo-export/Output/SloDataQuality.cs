using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>What was read, and what was wrong with it: bad files are counted and named, never silently dropped.</summary>
public sealed record SloDataQuality
{
    /// <summary>JSON files found under metrics-dir.</summary>
    [JsonPropertyName("filesFound")]
    public required int FilesFound { get; init; }

    /// <summary>Files read (at most max-files).</summary>
    [JsonPropertyName("filesRead")]
    public required int FilesRead { get; init; }

    /// <summary>Distinct valid runs.</summary>
    [JsonPropertyName("runsAccepted")]
    public required int RunsAccepted { get; init; }

    /// <summary>Problems by kind.</summary>
    [JsonPropertyName("issues")]
    public required IReadOnlyList<SloIssueGroup> Issues { get; init; }
}
