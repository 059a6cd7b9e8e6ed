using System.Net;
using Bookiji.Actions.Core.Hosting;

namespace Bookiji.Actions.Core.PullRequests;

/// <summary>
/// One comment per pull request that tells the whole story: found by its hidden marker, edited in place, each
/// action owning its section. GitHub has no compare-and-swap for comments, so concurrent jobs converge instead:
/// each writes, re-reads after a jittered pause and writes again while its section is missing; when two jobs both
/// created a comment, every job folds the newer ones' sections into the oldest and deletes the newer. Best effort:
/// a job far slower than the others can still overwrite a section once; the next run of that job restores it.
/// Only comments by a bot (the job's token) or by the token's own user (a personal token) are considered.
/// </summary>
public static class StickyPrComment
{
    /// <summary>The most a job spends on the comment in all.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>The most the optional <c>GET /user</c> lookup may take of <see cref="Deadline"/>.</summary>
    public static readonly TimeSpan LoginDeadline = TimeSpan.FromSeconds(5);

    private const int MaxRounds = 6;

    /// <summary>
    /// Only a bot's comment with the marker (the job's <c>GITHUB_TOKEN</c> writes as <c>github-actions[bot]</c>), or
    /// one by the user a personal token acts as, is the sticky comment: anyone can post a comment that starts with
    /// the marker, and such a comment must never be edited, folded in or deleted.
    /// </summary>
    internal static bool IsOurs(IssueComment comment, string? tokenLogin = null) =>
        PrCommentBody.IsSticky(comment.Body)
        && (string.Equals(comment.User?.Type, "Bot", StringComparison.Ordinal)
            || (IsLogin(tokenLogin) && IsLogin(comment.User?.Login) && string.Equals(comment.User?.Login, tokenLogin, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// A GitHub login: 1–39 ASCII letters, digits and hyphens (compared without case, as GitHub does). Anything else
    /// from upstream is not a login: case-insensitive comparison would equate Unicode look-alikes ("ſ" and "s").
    /// </summary>
    internal static bool IsLogin([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? login) =>
        login is { Length: > 0 and <= 39 } && login.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>
    /// The token's login, or null when unknown: <c>GET /user</c> is optional (the job's token gets 403), so a
    /// failure of any kind (garbage, 5xx, a 403 with Retry-After that the pipeline would wait on, a hang) takes at
    /// most <see cref="LoginDeadline"/> and leaves only bots' comments ours; only the overall deadline stops the upsert.
    /// </summary>
    private static async Task<string?> TokenLoginAsync(IssueCommentsClient client, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(LoginDeadline);
        try
        {
            var login = await client.AuthenticatedLoginAsync(bound.Token);
            return IsLogin(login) ? login : null;
        }
#pragma warning disable CA1031 // An optional lookup: any failure means "unknown", which is the safe answer.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>Sets <paramref name="section"/> of the pull request's sticky comment to <paramref name="markdown"/>.</summary>
    public static async Task<PrCommentResult> UpsertAsync(ActionRuntime runtime, string? token, int? pullRequest, string section, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (pullRequest is not { } number)
        {
            return new PrCommentResult(null, "this run is not for a pull request, so there is no PR comment");
        }

        if (string.IsNullOrEmpty(token) || runtime.GitHub.Repository is not { } repository)
        {
            return new PrCommentResult(null, "no github-token (or GITHUB_REPOSITORY), so the PR comment was skipped");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        using var client = new IssueCommentsClient(runtime.GitHub, repository, token);
        try
        {
            long? created = null;
            string? tokenLogin = null;
            var askedLogin = false;
            for (var round = 0; round < MaxRounds; round++)
            {
                deadline.Token.ThrowIfCancellationRequested();
                var listed = await client.ListAsync(number, deadline.Token);
                if (!askedLogin && listed.Any(c => PrCommentBody.IsSticky(c.Body) && !IsOurs(c)))
                {
                    // A marker comment by a person: ours only if the token is that person's (asked once, only then).
                    askedLogin = true;
                    tokenLogin = await TokenLoginAsync(client, deadline.Token);
                }

                var sticky = listed.Where(c => IsOurs(c, tokenLogin)).OrderBy(c => c.Id).ToList();
                if (created is { } id && sticky.All(c => c.Id != id) && await client.GetAsync(id, deadline.Token) is { } mine)
                {
                    // Past the listed pages (a PR with over 1,000 comments): the one this run made still counts.
                    sticky.Add(mine);
                }

                if (sticky.Count == 0)
                {
                    if (created is not null)
                    {
                        return new PrCommentResult(null, "the PR comment this run created disappeared; it was not re-created");
                    }

                    created = (await client.CreateAsync(number, PrCommentBody.WithSection(null, section, markdown), deadline.Token)).Id;
                    continue; // re-list: another job may have created one at the same time
                }

                var keep = sticky[0];
                var duplicates = sticky.Skip(1).ToList();

                // Re-read right before writing, so a slower job's stale list cannot drop a section written meanwhile.
                var body = (await client.GetAsync(keep.Id, deadline.Token))?.Body ?? keep.Body;
                foreach (var duplicate in duplicates)
                {
                    var held = PrCommentBody.Sections(body);
                    foreach (var (name, content) in PrCommentBody.Sections(duplicate.Body).Where(s => !held.ContainsKey(s.Key)))
                    {
                        body = PrCommentBody.WithSection(body, name, content);
                    }
                }

                var next = PrCommentBody.WithSection(body, section, markdown);
                if (next != body || next != keep.Body)
                {
                    await client.UpdateAsync(keep.Id, next, deadline.Token);
                }

                foreach (var duplicate in duplicates)
                {
                    await client.DeleteAsync(duplicate.Id, deadline.Token);
                }

                // Another job may have written its version in between: look again after a jittered pause.
                await Task.Delay(TimeSpan.FromMilliseconds(300 + Random.Shared.Next(500)), TimeProvider.System, deadline.Token);
                var now = await client.GetAsync(keep.Id, deadline.Token);
                if (now is not null && PrCommentBody.Holds(now.Body, section, markdown))
                {
                    return new PrCommentResult(keep.Id, null);
                }
            }

            return new PrCommentResult(null, $"the PR comment kept changing under concurrent jobs; its '{section}' section was not confirmed after {MaxRounds} rounds");
        }
        catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized)
        {
            return new PrCommentResult(null, $"GitHub refused the PR comment ({(int)ex.StatusCode!}): the job's token needs 'pull-requests: write' (pull requests from forks get a read-only token)");
        }
#pragma warning disable CA1031 // The comment is optional: any failure (refused, reset, garbage, hang) is a warning, never the action's failure.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var reason = deadline.IsCancellationRequested ? $"no answer within {Deadline.TotalSeconds:0} s" : $"{ex.GetType().Name}: {ex.Message}";
            return new PrCommentResult(null, $"the PR comment could not be updated ({reason})");
        }
    }
}
