using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>One file with a problem.</summary>
public sealed record SloIssueFile
{
    /// <summary>The file, relative to metrics-dir.</summary>
    [JsonPropertyName("file")]
    public required string File { get; init; }

    /// <summary>What is wrong.</summary>
    [JsonPropertyName("detail")]
    public required string Detail { get; init; }
}
