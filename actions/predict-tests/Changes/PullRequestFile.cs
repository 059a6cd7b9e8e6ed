using System.Text.Json.Serialization;

namespace Bookiji.Actions.PredictTests.Changes;

/// <summary>One file of <c>GET /repos/{owner}/{repo}/pulls/{number}/files</c> (the fields read).</summary>
public sealed record PullRequestFile
{
    /// <summary>The path after the change.</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    /// <summary>added, removed, modified, renamed, copied, changed or unchanged.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The path before a rename.</summary>
    [JsonPropertyName("previous_filename")]
    public string? PreviousFileName { get; init; }
}
