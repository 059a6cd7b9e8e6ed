using System.Text.Json.Serialization;

namespace Bookiji.Actions.PredictTests.Changes;

/// <summary>The part of <c>GET /repos/{owner}/{repo}/pulls/{number}</c> read: how many files the PR changes.</summary>
public sealed record PullRequestInfo
{
    /// <summary>The PR's changed-file count (the files list stops at 3,000).</summary>
    [JsonPropertyName("changed_files")]
    public int? ChangedFiles { get; init; }
}
