using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

public sealed partial class FakeGitHubServer
{
    /// <summary>Adds a pull request (the next free number unless <paramref name="number"/> is given); fill its <see cref="FakePullRequest.Files"/> afterwards.</summary>
    public FakePullRequest AddPullRequest(string repository, Action<FakePullRequest>? configure = null, int? number = null)
    {
        lock (_gate)
        {
            var pull = new FakePullRequest { Repository = repository, Number = number ?? NextNumber(repository) };
            configure?.Invoke(pull);
            _pulls.Add(pull);
            return pull;
        }
    }

    private FakePullRequest? FindPull(string owner, string repo, int number)
    {
        lock (_gate)
        {
            return _pulls.FirstOrDefault(p => p.Repository == $"{owner}/{repo}" && p.Number == number);
        }
    }

    private void MapPulls(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}/pulls", (HttpContext ctx, string owner, string repo) =>
        {
            var state = ctx.Request.Query["state"].ToString() is { Length: > 0 } s ? s : "open";
            List<FakePullRequest> matches;
            lock (_gate)
            {
                matches = [.. _pulls.Where(p => p.Repository == $"{owner}/{repo}" && (state == "all" || p.State == state)).OrderByDescending(p => p.Number)];
            }

            return WritePage(ctx, matches, p => PullJson(ctx, p));
        });
        app.MapGet("/repos/{owner}/{repo}/pulls/{number:int}", (HttpContext ctx, string owner, string repo, int number) =>
            FindPull(owner, repo, number) is { } pull ? WriteJson(ctx, PullJson(ctx, pull)) : WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/pulls/pulls#get-a-pull-request"));
        app.MapGet("/repos/{owner}/{repo}/pulls/{number:int}/files", (HttpContext ctx, string owner, string repo, int number) =>
        {
            if (FindPull(owner, repo, number) is not { } pull)
            {
                return WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/pulls/pulls#list-pull-requests-files");
            }

            List<FakePullFile> files;
            lock (_gate)
            {
                // Documented: "Responses include a maximum of 3000 files." The rest are silently absent.
                files = [.. pull.Files.Take(MaxPullFiles)];
            }

            return WritePage(ctx, files, f => FileJson(pull, f));
        });
    }

    private static JsonObject PullJson(HttpContext ctx, FakePullRequest pull)
    {
        var api = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/repos/{pull.Repository}";
        var owner = pull.Repository.Split('/')[0];
        JsonObject Branch(string reference, string sha) => new()
        {
            ["label"] = $"{owner}:{reference}",
            ["ref"] = reference,
            ["sha"] = sha,
            ["user"] = User(owner, 1),
            ["repo"] = new JsonObject { ["id"] = 1296269, ["name"] = pull.Repository.Split('/')[1], ["full_name"] = pull.Repository },
        };
        return new JsonObject
        {
            ["id"] = 2_000_000 + pull.Number,
            ["node_id"] = $"PR_fake{pull.Number}",
            ["url"] = $"{api}/pulls/{pull.Number}",
            ["html_url"] = $"https://github.com/{pull.Repository}/pull/{pull.Number}",
            ["number"] = pull.Number,
            ["state"] = pull.State,
            ["locked"] = false,
            ["title"] = pull.Title,
            ["user"] = User("octocat", 1),
            ["body"] = null,
            ["created_at"] = "2025-12-07T10:00:00Z",
            ["updated_at"] = "2025-12-07T10:00:00Z",
            ["closed_at"] = pull.ClosedAt is { } closed ? Iso(closed) : null,
            ["merged_at"] = pull.Merged && pull.ClosedAt is { } merged ? Iso(merged) : null,
            ["merged"] = pull.Merged,
            ["head"] = Branch(pull.HeadRef, pull.HeadSha),
            ["base"] = Branch(pull.BaseRef, pull.BaseSha),
            ["changed_files"] = pull.Files.Count,
            ["draft"] = false,
        };
    }

    private static JsonObject FileJson(FakePullRequest pull, FakePullFile file)
    {
        var json = new JsonObject
        {
            ["sha"] = "bbcd538c8e72b8c175046e27cc8f907076331401",
            ["filename"] = file.Filename,
            ["status"] = file.Status,
            ["additions"] = 1,
            ["deletions"] = file.Status == "removed" ? 1 : 0,
            ["changes"] = 1,
            ["blob_url"] = $"https://github.com/{pull.Repository}/blob/{pull.HeadSha}/{file.Filename}",
            ["raw_url"] = $"https://github.com/{pull.Repository}/raw/{pull.HeadSha}/{file.Filename}",
            ["contents_url"] = $"https://api.github.com/repos/{pull.Repository}/contents/{file.Filename}?ref={pull.HeadSha}",
            ["patch"] = "@@ -1 +1 @@",
        };
        if (file.PreviousFilename is not null)
        {
            json["previous_filename"] = file.PreviousFilename;
        }

        return json;
    }
}
