using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

public sealed partial class FakeGitHubServer
{
    /// <summary>A copy of the issues of <paramref name="repository"/>.</summary>
    public IReadOnlyList<FakeIssue> Issues(string repository)
    {
        lock (_gate)
        {
            return [.. _issues.Where(i => i.Repository == repository)];
        }
    }

    /// <summary>Adds an issue directly (as if someone had opened it).</summary>
    public FakeIssue AddIssue(string repository, string title, string? body = null, IEnumerable<string>? labels = null, string state = "open")
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            var issue = new FakeIssue { Repository = repository, Number = NextNumber(repository), Title = title, Body = body, State = state, CreatedAt = now, UpdatedAt = now };
            issue.Labels.AddRange(labels ?? []);
            _issues.Add(issue);
            return issue;
        }
    }

    private int NextNumber(string repository) =>
        1 + _issues.Where(i => i.Repository == repository).Select(i => i.Number)
            .Concat(_pulls.Where(p => p.Repository == repository).Select(p => p.Number)).DefaultIfEmpty(0).Max();

    private void MapIssues(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}/issues", (HttpContext ctx, string owner, string repo) =>
        {
            var state = ctx.Request.Query["state"].ToString() is { Length: > 0 } s ? s : "open";
            var labels = ctx.Request.Query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            List<FakeIssue> matches;
            lock (_gate)
            {
                matches = [.. _issues
                    .Where(i => i.Repository == $"{owner}/{repo}" && (state == "all" || i.State == state) && labels.All(l => i.Labels.Contains(l)))
                    .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Number)];
            }

            return WritePage(ctx, matches, i => IssueJson(ctx, i));
        });
        app.MapPost("/repos/{owner}/{repo}/issues", async (HttpContext ctx, string owner, string repo) =>
        {
            var body = await ReadBody(ctx);
            var title = body["title"]?.GetValue<string>();
            if (string.IsNullOrEmpty(title))
            {
                await WriteError(ctx, 422, "Validation Failed", "https://docs.github.com/rest/issues/issues#create-an-issue");
                return;
            }

            if (TooLong(body["body"]?.GetValue<string>()))
            {
                await WriteError(ctx, 422, "Validation Failed: body is too long (maximum is 65536 characters)", "https://docs.github.com/rest/issues/issues#create-an-issue");
                return;
            }

            var labels = body["labels"]?.AsArray().Select(l => l!.GetValue<string>()) ?? [];
            var issue = AddIssue($"{owner}/{repo}", title, body["body"]?.GetValue<string>(), labels);
            (issue.Author, issue.AuthorType) = (TokenLogin, TokenIsBot ? "Bot" : "User");
            await WriteJson(ctx, IssueJson(ctx, issue), 201);
        });
        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}", (HttpContext ctx, string owner, string repo, int number) =>
            Find(owner, repo, number) is { } issue ? WriteJson(ctx, IssueJson(ctx, issue)) : WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/issues/issues#get-an-issue"));
        app.MapMethods("/repos/{owner}/{repo}/issues/{number:int}", ["PATCH"], async (HttpContext ctx, string owner, string repo, int number) =>
        {
            if (Find(owner, repo, number) is not { } issue)
            {
                await WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/issues/issues#update-an-issue");
                return;
            }

            var body = await ReadBody(ctx);
            if (body.ContainsKey("body") && TooLong(body["body"]?.GetValue<string>()))
            {
                await WriteError(ctx, 422, "Validation Failed: body is too long (maximum is 65536 characters)", "https://docs.github.com/rest/issues/issues#update-an-issue");
                return;
            }

            lock (_gate)
            {
                if (body["title"]?.GetValue<string>() is { } title)
                {
                    issue.Title = title;
                }

                if (body.ContainsKey("body"))
                {
                    issue.Body = body["body"]?.GetValue<string>();
                }

                if (body["state"]?.GetValue<string>() is { } state)
                {
                    issue.ClosedAt = state == "closed" ? Time.GetUtcNow() : null;
                    issue.State = state;
                }

                if (body["labels"] is JsonArray labels)
                {
                    issue.Labels.Clear();
                    issue.Labels.AddRange(labels.Select(l => l!.GetValue<string>()));
                }

                issue.UpdatedAt = Time.GetUtcNow();
            }

            await WriteJson(ctx, IssueJson(ctx, issue));
        });
        app.MapPut("/repos/{owner}/{repo}/issues/{number:int}/lock", (HttpContext ctx, string owner, string repo, int number) =>
        {
            if (Find(owner, repo, number) is not { } issue)
            {
                return WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/issues/issues#lock-an-issue");
            }

            lock (_gate)
            {
                issue.Locked = true;
            }

            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
    }

    private FakeIssue? Find(string owner, string repo, int number)
    {
        lock (_gate)
        {
            return _issues.FirstOrDefault(i => i.Repository == $"{owner}/{repo}" && i.Number == number);
        }
    }

    private static async Task<JsonObject> ReadBody(HttpContext context) =>
        JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject ?? [];

    private static JsonObject User(string login = "github-actions[bot]", long id = 41898282, string type = "Bot") => new()
    {
        ["login"] = login,
        ["id"] = id,
        ["node_id"] = "MDM6Qm90NDE4OTgyODI=",
        ["type"] = type,
        ["site_admin"] = false,
        ["url"] = $"https://api.github.com/users/{login}",
        ["html_url"] = $"https://github.com/apps/{login}",
    };

    private static string Iso(DateTimeOffset time) => Bookiji.Actions.Core.Toolkit.IsoTimestamp.Format(time);

    private static JsonObject IssueJson(HttpContext ctx, FakeIssue issue)
    {
        var api = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/repos/{issue.Repository}";
        return new JsonObject
        {
            ["id"] = 1_000_000 + issue.Number,
            ["node_id"] = $"I_fake{issue.Number}",
            ["url"] = $"{api}/issues/{issue.Number}",
            ["repository_url"] = api,
            ["comments_url"] = $"{api}/issues/{issue.Number}/comments",
            ["html_url"] = $"https://github.com/{issue.Repository}/issues/{issue.Number}",
            ["number"] = issue.Number,
            ["state"] = issue.State,
            ["state_reason"] = issue.State == "closed" ? "completed" : null,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["user"] = User(issue.Author, issue.AuthorType == "Bot" ? 41898282 : 7, issue.AuthorType),
            ["labels"] = new JsonArray([.. issue.Labels.Select((l, i) => (JsonNode)new JsonObject
            {
                ["id"] = 208045946 + i,
                ["node_id"] = "MDU6TGFiZWwyMDgwNDU5NDY=",
                ["url"] = $"{api}/labels/{Uri.EscapeDataString(l)}",
                ["name"] = l,
                ["description"] = null,
                ["color"] = "f29513",
                ["default"] = false,
            })]),
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["locked"] = issue.Locked,
            ["active_lock_reason"] = issue.Locked ? "resolved" : null,
            ["comments"] = issue.Comments.Count,
            ["closed_at"] = issue.ClosedAt is { } closed ? Iso(closed) : null,
            ["created_at"] = Iso(issue.CreatedAt),
            ["updated_at"] = Iso(issue.UpdatedAt),
            ["author_association"] = "NONE",
        };
    }
}
