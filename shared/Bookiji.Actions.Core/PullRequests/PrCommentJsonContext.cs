using System.Text.Json.Serialization;

namespace Bookiji.Actions.Core.PullRequests;

/// <summary>Source-generated JSON for the comment API (the shared library is AOT-compatible).</summary>
[JsonSerializable(typeof(IReadOnlyList<IssueComment>))]
[JsonSerializable(typeof(IssueComment))]
[JsonSerializable(typeof(IssueCommentRequest))]
[JsonSerializable(typeof(CommentAuthor))]
internal sealed partial class PrCommentJsonContext : JsonSerializerContext;
