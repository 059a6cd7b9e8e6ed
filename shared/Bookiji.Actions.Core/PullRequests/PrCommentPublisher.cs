using Bookiji.Actions.Core.Hosting;

namespace Bookiji.Actions.Core.PullRequests;

/// <summary>The one call an action's report makes for its section of the sticky PR comment (opt-in by <c>pr-comment</c>).</summary>
public static class PrCommentPublisher
{
    /// <summary>
    /// When <paramref name="enabled"/>, sets the action's section on this run's pull request; any problem is one warning
    /// (forks, missing permission, upstream failures), never a failure.
    /// </summary>
    public static async Task PublishAsync(ActionRuntime runtime, bool enabled, string? token, string section, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (!enabled)
        {
            return;
        }

        var pullRequest = runtime.GitHub.PullRequestNumber
            ?? (runtime.GitHub.EventName.StartsWith("pull_request", StringComparison.Ordinal) ? runtime.GitHub.IssueNumber : null);
        var result = await StickyPrComment.UpsertAsync(runtime, token, pullRequest, section, markdown, cancellationToken);
        if (result.Warning is not null)
        {
            runtime.Core.Warning($"pr-comment: {result.Warning}.");
        }
        else
        {
            runtime.Core.Info($"pr-comment: updated the '{section}' section of comment {result.CommentId} on #{pullRequest}.");
        }
    }
}
