using System.Text.Json.Serialization;

namespace Bookiji.Actions.Core.PullRequests;

/// <summary>A comment's author as GitHub returns it.</summary>
public sealed record CommentAuthor
{
    /// <summary>The login, e.g. <c>github-actions[bot]</c>.</summary>
    [JsonPropertyName("login")]
    public string? Login { get; init; }

    /// <summary><c>Bot</c>, <c>User</c> or <c>Organization</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }
}
