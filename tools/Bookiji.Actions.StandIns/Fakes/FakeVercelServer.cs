using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>
/// A stateful fake of the Vercel REST API on loopback, in the documented shapes: list deployments
/// (<c>GET /v6/deployments?projectId=&amp;target=&amp;limit=&amp;until=</c>, newest first, paginated by <c>pagination.next</c>, with <c>meta.githubCommitSha</c>) and
/// promote without rebuilding (<c>POST /v10/projects/{projectId}/promote/{deploymentId}</c>: 201, or 409 when the
/// deployment cannot be promoted). Bearer-token auth, optional <c>teamId</c>.
/// </summary>
public sealed class FakeVercelServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<(string Uid, string ProjectId, string Sha, string Url, string State, string Target, DateTimeOffset Created)> _deployments = [];
    private readonly ConcurrentQueue<string> _requestLog = new();
    private LoopbackWebServer? _server;

    /// <summary>The token requests must carry as <c>Authorization: Bearer</c>.</summary>
    public string Token { get; set; } = "vercel_fake_token_0123456789";

    /// <summary>The API root, for the action's <c>vercel-api-url</c>.</summary>
    public string ApiUrl => _server!.BaseAddress.ToString().TrimEnd('/');

    /// <summary>The deployment currently serving production, per project.</summary>
    public ConcurrentDictionary<string, string> Production { get; } = new();

    /// <summary>Every request as <c>METHOD path?query</c>.</summary>
    public IReadOnlyList<string> RequestLog => [.. _requestLog];

    /// <summary>Starts the server.</summary>
    public static async Task<FakeVercelServer> StartAsync()
    {
        var fake = new FakeVercelServer();
        fake._server = await LoopbackWebServer.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>Adds a deployment of <paramref name="sha"/> (state READY unless told otherwise); returns its uid.</summary>
    public string AddDeployment(string projectId, string sha, DateTimeOffset created, string state = "READY", string target = "production")
    {
        lock (_gate)
        {
            var uid = $"dpl_{_deployments.Count + 1:D4}{sha[..6]}";
            _deployments.Add((uid, projectId, sha, $"bookiji-{uid[4..].ToLowerInvariant()}.vercel.app", state, target, created));
            return uid;
        }
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            _requestLog.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
            {
                await Write(context, 403, new JsonObject { ["error"] = new JsonObject { ["code"] = "forbidden", ["message"] = "Not authorized" } });
                return;
            }

            await next(context);
        });
        app.MapGet("/v6/deployments", (HttpContext ctx) =>
        {
            var q = ctx.Request.Query;
            var limit = int.TryParse(q["limit"], out var l) ? Math.Clamp(l, 1, 100) : 20;
            long? until = long.TryParse(q["until"], out var u) ? u : null; // Vercel: created before this timestamp (ms)
            List<JsonNode> items;
            long? next;
            lock (_gate)
            {
                var matching = _deployments
                    .Where(d => (q["projectId"].Count == 0 || d.ProjectId == q["projectId"].ToString()) && (q["target"].Count == 0 || d.Target == q["target"].ToString()))
                    .Where(d => until is null || d.Created.ToUnixTimeMilliseconds() < until)
                    .OrderByDescending(d => d.Created).ToList();
                next = matching.Count > limit ? matching[limit - 1].Created.ToUnixTimeMilliseconds() : null;
                items = [.. matching.Take(limit)
                    .Select(d => (JsonNode)new JsonObject
                    {
                        ["uid"] = d.Uid, ["name"] = "bookiji", ["url"] = d.Url, ["created"] = d.Created.ToUnixTimeMilliseconds(),
                        ["state"] = d.State, ["readyState"] = d.State, ["target"] = d.Target, ["projectId"] = d.ProjectId,
                        ["meta"] = new JsonObject { ["githubCommitSha"] = d.Sha },
                    })];
            }

            return Write(ctx, 200, new JsonObject { ["deployments"] = new JsonArray([.. items]), ["pagination"] = new JsonObject { ["count"] = items.Count, ["next"] = next, ["prev"] = null } });
        });
        app.MapPost("/v10/projects/{projectId}/promote/{deploymentId}", (HttpContext ctx, string projectId, string deploymentId) =>
        {
            bool ready;
            lock (_gate)
            {
                ready = _deployments.Any(d => d.Uid == deploymentId && d.ProjectId == projectId && d.State == "READY");
            }

            if (!ready)
            {
                return Write(ctx, 409, new JsonObject { ["error"] = new JsonObject { ["code"] = "conflict", ["message"] = "Deployment cannot be promoted" } });
            }

            Production[projectId] = deploymentId;
            return Write(ctx, 201, new JsonObject());
        });
    }

    private static Task Write(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
