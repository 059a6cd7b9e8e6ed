using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The files with one kind of problem.</summary>
public sealed record SloIssueGroup
{
    /// <summary>e.g. malformed, duplicate_run.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>How many.</summary>
    [JsonPropertyName("count")]
    public required int Count { get; init; }

    /// <summary>What happened to them.</summary>
    [JsonPropertyName("effect")]
    public required string Effect { get; init; }

    /// <summary>The first 100, with what is wrong.</summary>
    [JsonPropertyName("files")]
    public required IReadOnlyList<SloIssueFile> Files { get; init; }
}
