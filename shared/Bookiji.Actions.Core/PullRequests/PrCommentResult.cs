namespace Bookiji.Actions.Core.PullRequests;

/// <summary>What the sticky comment update did.</summary>
/// <param name="CommentId">The sticky comment, when the section is in it.</param>
/// <param name="Warning">Why the section could not be posted, when it could not (never an error: the comment is optional).</param>
public sealed record PrCommentResult(long? CommentId, string? Warning)
{
    /// <summary>Whether the section is in the comment.</summary>
    public bool Posted => CommentId is not null;
}
