using System.Text.Json.Serialization;

namespace Bookiji.Actions.Core.PullRequests;

/// <summary>An issue or pull-request comment as GitHub's REST API returns it (the fields read here).</summary>
public sealed record IssueComment
{
    /// <summary>The comment id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>The Markdown body.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Who wrote it.</summary>
    [JsonPropertyName("user")]
    public CommentAuthor? User { get; init; }
}
