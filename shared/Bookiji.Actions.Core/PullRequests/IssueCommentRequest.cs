using System.Text.Json.Serialization;

namespace Bookiji.Actions.Core.PullRequests;

/// <summary>The body of a create or update comment request.</summary>
/// <param name="Body">The Markdown body.</param>
public sealed record IssueCommentRequest([property: JsonPropertyName("body")] string Body);
