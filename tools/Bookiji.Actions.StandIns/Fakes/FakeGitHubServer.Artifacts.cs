using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

public sealed partial class FakeGitHubServer
{
    /// <summary>The path prefix of the fake's blob storage: signed URLs, no token needed (and none accepted).</summary>
    public const string BlobPrefix = "/_blobs";

    private readonly List<FakeArtifact> _artifacts = [];
    private int _blobRequestsWithAuthorization;

    /// <summary>How the list-artifacts endpoint answers.</summary>
    public FakeArtifactList ArtifactListMode { get; set; } = FakeArtifactList.Normal;

    /// <summary>Blob downloads that carried an Authorization header (the token must never leave the API host).</summary>
    public int BlobRequestsWithAuthorization => Volatile.Read(ref _blobRequestsWithAuthorization);

    /// <summary>Adds an artifact holding <paramref name="zip"/>.</summary>
    public FakeArtifact AddArtifact(string repository, string name, byte[] zip, Action<FakeArtifact>? configure = null)
    {
        lock (_gate)
        {
            var artifact = new FakeArtifact { Repository = repository, Id = 1000 + _artifacts.Count + 1, Name = name, Zip = zip };
            configure?.Invoke(artifact);
            _artifacts.Add(artifact);
            return artifact;
        }
    }

    /// <summary>The id of every repository this fake serves (the artifacts' <c>repository_id</c>).</summary>
    public const long RepositoryId = 1296269;

    /// <summary>What <c>GET /repos/{owner}/{repo}</c> says the default branch is.</summary>
    public string DefaultBranch { get; set; } = "main";

    private void MapArtifacts(WebApplication app)
    {
        // GET /repos/{owner}/{repo} — the repository, of which the export reads default_branch.
        app.MapGet("/repos/{owner}/{repo}", (string owner, string repo) =>
            Results.Json(new JsonObject { ["id"] = RepositoryId, ["full_name"] = $"{owner}/{repo}", ["default_branch"] = DefaultBranch }));

        // GET /repos/{owner}/{repo}/actions/artifacts?name=&per_page=&page= — newest first, {total_count, artifacts}.
        app.MapGet("/repos/{owner}/{repo}/actions/artifacts", async (HttpContext ctx, string owner, string repo) =>
        {
            switch (ArtifactListMode)
            {
                case FakeArtifactList.Garbage:
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.WriteAsync("<html>502 Bad Gateway</html>");
                    return;
                case FakeArtifactList.WrongShape:
                    await WriteJson(ctx, new JsonObject { ["total_count"] = 1, ["artifacts"] = "none" });
                    return;
                case FakeArtifactList.Reset:
                    ctx.Abort();
                    return;
                case FakeArtifactList.Hang:
                    await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
                    return;
            }

            var name = ctx.Request.Query["name"].ToString();
            List<FakeArtifact> matches;
            lock (_gate)
            {
                matches = [.. _artifacts.Where(a => a.Repository == $"{owner}/{repo}" && (name.Length == 0 || a.Name == name)).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)];
            }

            var perPage = Math.Clamp(ReadInt(ctx.Request.Query["per_page"], 30), 1, 100);
            var page = Math.Max(1, ReadInt(ctx.Request.Query["page"], 1));
            var api = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/repos/{owner}/{repo}/actions/artifacts";
            var items = matches.Skip((page - 1) * perPage).Take(perPage).Select(a => (JsonNode)ArtifactJson(api, a));
            await WriteJson(ctx, new JsonObject { ["total_count"] = matches.Count, ["artifacts"] = new JsonArray([.. items]) });
        });

        // GET …/artifacts/{id}/zip — 302 to a short-lived signed URL, as documented.
        app.MapGet("/repos/{owner}/{repo}/actions/artifacts/{id:long}/zip", async (HttpContext ctx, string owner, string repo, long id) =>
        {
            var artifact = FindArtifact(owner, repo, id);
            if (artifact is null)
            {
                await WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/actions/artifacts#download-an-artifact");
                return;
            }

            switch (artifact.Download)
            {
                case FakeArtifactDownload.Gone:
                    await WriteError(ctx, 410, "Artifact has expired", "https://docs.github.com/rest/actions/artifacts#download-an-artifact");
                    return;
                case FakeArtifactDownload.Direct:
                    ctx.Response.ContentType = "application/zip";
                    await ctx.Response.Body.WriteAsync(artifact.Zip);
                    return;
                case FakeArtifactDownload.BadRedirect:
                    ctx.Response.StatusCode = 302;
                    ctx.Response.Headers.Location = "file:///etc/passwd";
                    return;
                default:
                    ctx.Response.StatusCode = 302;
                    ctx.Response.Headers.Location = $"{ctx.Request.Scheme}://{ctx.Request.Host}{BlobPrefix}/artifacts/{id}.zip?sig=fake-signature&se=2099-01-01";
                    return;
            }
        });

        app.MapGet(BlobPrefix + "/artifacts/{id:long}.zip", async (HttpContext ctx, long id) =>
        {
            if (ctx.Request.Headers.Authorization.Count > 0)
            {
                Interlocked.Increment(ref _blobRequestsWithAuthorization);
                ctx.Response.StatusCode = 400;
                await ctx.Response.WriteAsync("Authentication information is not given in the correct format.");
                return;
            }

            FakeArtifact? artifact;
            lock (_gate)
            {
                artifact = _artifacts.FirstOrDefault(a => a.Id == id);
            }

            switch (artifact?.Download)
            {
                case null:
                    ctx.Response.StatusCode = 404;
                    return;
                case FakeArtifactDownload.Reset:
                    ctx.Response.ContentType = "application/zip";
                    ctx.Response.ContentLength = artifact.Zip.Length;
                    await ctx.Response.Body.WriteAsync(artifact.Zip.AsMemory(0, artifact.Zip.Length / 2));
                    await ctx.Response.Body.FlushAsync();
                    ctx.Abort();
                    return;
                case FakeArtifactDownload.Hang:
                    await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
                    return;
                default:
                    ctx.Response.ContentType = "application/zip";
                    await ctx.Response.Body.WriteAsync(artifact.Zip);
                    return;
            }
        });
    }

    private FakeArtifact? FindArtifact(string owner, string repo, long id)
    {
        lock (_gate)
        {
            return _artifacts.FirstOrDefault(a => a.Repository == $"{owner}/{repo}" && a.Id == id);
        }
    }

    private static JsonObject ArtifactJson(string api, FakeArtifact artifact) => new()
    {
        ["id"] = artifact.Id,
        ["node_id"] = $"MDg6QXJ0aWZhY3Q{artifact.Id}",
        ["name"] = artifact.Name,
        ["size_in_bytes"] = artifact.Zip.Length,
        ["url"] = $"{api}/{artifact.Id}",
        ["archive_download_url"] = $"{api}/{artifact.Id}/zip",
        ["expired"] = artifact.Expired,
        ["created_at"] = Iso(artifact.CreatedAt),
        ["expires_at"] = Iso(artifact.CreatedAt.AddDays(90)),
        ["updated_at"] = Iso(artifact.CreatedAt),
        ["digest"] = "sha256:cfc3236bdad15b5898bca8408945c9e19e1917da8704adc20eaa618444290a8c",
        ["workflow_run"] = new JsonObject
        {
            ["id"] = artifact.RunId,
            ["repository_id"] = RepositoryId,
            ["head_repository_id"] = artifact.HeadRepositoryId,
            ["head_branch"] = artifact.HeadBranch,
            ["head_sha"] = artifact.HeadSha,
        },
    };
}
