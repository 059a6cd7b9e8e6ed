using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

// Issue comments (pull requests are issues here), in the documented shapes of docs.github.com/rest/issues/comments:
// list (oldest first, paginated), create (201), get, update (PATCH), delete (204). Ids are unique per server.
// FakeIssue.Comments mirrors the bodies of an issue's comments for tests that read them as text.
public sealed partial class FakeGitHubServer
{
    private readonly List<FakeComment> _comments = [];
    private long _nextCommentId = 500_000;

    /// <summary>A copy of the comments on issue or pull request <paramref name="number"/>, oldest first.</summary>
    public IReadOnlyList<FakeComment> Comments(string repository, int number)
    {
        lock (_gate)
        {
            return [.. _comments.Where(c => c.Repository == repository && c.Number == number).Select(c => new FakeComment
            {
                Repository = c.Repository, Number = c.Number, Id = c.Id, Body = c.Body, Author = c.Author, AuthorType = c.AuthorType, CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt,
            })];
        }
    }

    /// <summary>
    /// Who <see cref="Token"/> acts as: the job's token by default (<c>github-actions[bot]</c>, a Bot, which
    /// <c>GET /user</c> refuses with 403 as GitHub does for integrations), or a person's login for a personal token.
    /// </summary>
    public string TokenLogin { get; set; } = "github-actions[bot]";

    /// <summary>When set, <c>GET /user</c> answers this status with <c>Retry-After: 25</c> (e.g. 403, as a secondary rate limit).</summary>
    public int? UserFaultStatus { get; set; }

    /// <summary>When set, <c>GET /user</c> answers 200 with this raw body (garbage, or another login).</summary>
    public string? UserBody { get; set; }

    /// <summary>Whether <see cref="TokenLogin"/> is a bot (the job's token) or a user (a personal token).</summary>
    public bool TokenIsBot => TokenLogin.EndsWith("[bot]", StringComparison.Ordinal);

    /// <summary>Adds a comment directly, as another user would have written it.</summary>
    public FakeComment AddComment(string repository, int number, string body, string author = "mallory", string authorType = "User")
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            var comment = new FakeComment { Repository = repository, Number = number, Id = ++_nextCommentId, Body = body, Author = author, AuthorType = authorType, CreatedAt = now, UpdatedAt = now };
            _comments.Add(comment);
            SyncIssueComments(repository, number);
            return comment;
        }
    }

    private void MapComments(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext ctx, string owner, string repo, int number) =>
        {
            if (!Exists(owner, repo, number))
            {
                return WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/issues/comments#list-issue-comments");
            }

            List<FakeComment> comments;
            lock (_gate)
            {
                comments = [.. _comments.Where(c => c.Repository == $"{owner}/{repo}" && c.Number == number).OrderBy(c => c.Id)];
            }

            return WritePage(ctx, comments, c => CommentJson(ctx, c));
        });
        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", async (HttpContext ctx, string owner, string repo, int number) =>
        {
            if (!Exists(owner, repo, number))
            {
                await WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/issues/comments#create-an-issue-comment");
                return;
            }

            var text = (await ReadBody(ctx))["body"]?.GetValue<string>() ?? string.Empty;
            if (TooLong(text))
            {
                await WriteError(ctx, 422, "Validation Failed: body is too long (maximum is 65536 characters)", "https://docs.github.com/rest/issues/comments#create-an-issue-comment");
                return;
            }

            FakeComment comment;
            lock (_gate)
            {
                var now = Time.GetUtcNow();
                comment = new FakeComment { Repository = $"{owner}/{repo}", Number = number, Id = ++_nextCommentId, Body = text, Author = TokenLogin, AuthorType = TokenIsBot ? "Bot" : "User", CreatedAt = now, UpdatedAt = now };
                _comments.Add(comment);
                SyncIssueComments(comment.Repository, number);
            }

            await WriteJson(ctx, CommentJson(ctx, comment), 201);
        });
        app.MapGet("/user", async (HttpContext ctx) =>
        {
            if (UserFaultStatus is { } status)
            {
                ctx.Response.Headers["Retry-After"] = "25";
                await WriteError(ctx, status, "You have exceeded a secondary rate limit.", "https://docs.github.com/rest");
                return;
            }

            if (UserBody is { } raw)
            {
                ctx.Response.ContentType = "application/json; charset=utf-8";
                await ctx.Response.WriteAsync(raw);
                return;
            }

            if (TokenIsBot)
            {
                await WriteError(ctx, 403, "Resource not accessible by integration", "https://docs.github.com/rest/users/users#get-the-authenticated-user");
                return;
            }

            var user = User(TokenLogin, 7);
            user["type"] = "User";
            await WriteJson(ctx, user);
        });
        app.MapGet("/repos/{owner}/{repo}/issues/comments/{id:long}", (HttpContext ctx, string owner, string repo, long id) =>
            FindComment(owner, repo, id) is { } comment
                ? WriteJson(ctx, CommentJson(ctx, comment))
                : WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/issues/comments#get-an-issue-comment"));
        app.MapMethods("/repos/{owner}/{repo}/issues/comments/{id:long}", ["PATCH"], async (HttpContext ctx, string owner, string repo, long id) =>
        {
            var text = (await ReadBody(ctx))["body"]?.GetValue<string>();
            if (FindComment(owner, repo, id) is not { } comment || text is null)
            {
                await WriteError(ctx, text is null ? 422 : 404, text is null ? "Validation Failed" : "Not Found", "https://docs.github.com/rest/issues/comments#update-an-issue-comment");
                return;
            }

            if (comment.Author != TokenLogin) // only the token's own comments may be changed
            {
                await WriteError(ctx, 403, "Resource not accessible by integration", "https://docs.github.com/rest/issues/comments#update-an-issue-comment");
                return;
            }

            lock (_gate)
            {
                comment.Body = text;
                comment.UpdatedAt = Time.GetUtcNow();
                SyncIssueComments(comment.Repository, comment.Number);
            }

            await WriteJson(ctx, CommentJson(ctx, comment));
        });
        app.MapDelete("/repos/{owner}/{repo}/issues/comments/{id:long}", (HttpContext ctx, string owner, string repo, long id) =>
        {
            if (FindComment(owner, repo, id) is not { } comment)
            {
                return WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/issues/comments#delete-an-issue-comment");
            }

            if (comment.Author != TokenLogin) // only the token's own comments may be changed
            {
                return WriteError(ctx, 403, "Resource not accessible by integration", "https://docs.github.com/rest/issues/comments#delete-an-issue-comment");
            }

            lock (_gate)
            {
                _comments.Remove(comment);
                SyncIssueComments(comment.Repository, comment.Number);
            }

            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
    }

    private bool Exists(string owner, string repo, int number)
    {
        lock (_gate)
        {
            return _issues.Any(i => i.Repository == $"{owner}/{repo}" && i.Number == number)
                || _pulls.Any(p => p.Repository == $"{owner}/{repo}" && p.Number == number);
        }
    }

    private FakeComment? FindComment(string owner, string repo, long id)
    {
        lock (_gate)
        {
            return _comments.FirstOrDefault(c => c.Repository == $"{owner}/{repo}" && c.Id == id);
        }
    }

    // Called under _gate.
    private void SyncIssueComments(string repository, int number)
    {
        if (_issues.FirstOrDefault(i => i.Repository == repository && i.Number == number) is { } issue)
        {
            issue.Comments.Clear();
            issue.Comments.AddRange(_comments.Where(c => c.Repository == repository && c.Number == number).OrderBy(c => c.Id).Select(c => c.Body));
            issue.UpdatedAt = Time.GetUtcNow();
        }
    }

    private static JsonObject CommentUser(FakeComment c)
    {
        var user = User(c.Author, c.AuthorType == "Bot" ? 41898282 : 7);
        user["type"] = c.AuthorType;
        return user;
    }

    private static JsonObject CommentJson(HttpContext ctx, FakeComment c) => new()
    {
        ["id"] = c.Id,
        ["node_id"] = $"IC_fake{c.Id}",
        ["url"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/repos/{c.Repository}/issues/comments/{c.Id}",
        ["html_url"] = $"https://github.com/{c.Repository}/issues/{c.Number}#issuecomment-{c.Id}",
        ["body"] = c.Body,
        ["user"] = CommentUser(c),
        ["created_at"] = Iso(c.CreatedAt),
        ["updated_at"] = Iso(c.UpdatedAt),
        ["issue_url"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/repos/{c.Repository}/issues/{c.Number}",
        ["author_association"] = "NONE",
    };
}
