using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>
/// A stateful fake of the GitHub REST API on loopback: issues (create, list by label/state, update, comment,
/// lock), pull requests (get, list, files with the API's 3,000-file cap) and workflow artifacts (list, zip via a
/// signed-URL redirect), paginated with <c>Link</c>
/// headers, authenticated by token, answering in the shapes of GitHub's documented examples. Routes are
/// served at the root and under <c>/api/v3</c>, as GitHub Enterprise Server does (Octokit uses that prefix
/// for any host but github.com). Faults can be injected: error statuses, garbage, the wrong shape, a hang.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    /// <summary>The most files the list-PR-files endpoint returns, as documented.</summary>
    public const int MaxPullFiles = 3000;

    private readonly Lock _gate = new();
    private readonly List<FakeIssue> _issues = [];
    private readonly List<FakePullRequest> _pulls = [];
    private readonly ConcurrentQueue<string> _requestLog = new();
    private readonly ConcurrentQueue<int> _faults = new();
    private LoopbackWebServer? _server;

    /// <summary>The token requests must carry (<c>token X</c> or <c>Bearer X</c>).</summary>
    public string Token { get; set; } = "ghs_fakeGitHubTokenForTests0000000000";

    /// <summary>The clock used for timestamps.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The value for <c>GITHUB_API_URL</c>: the server's root.</summary>
    public string ApiUrl => _server!.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Every request as <c>METHOD path?query</c>, in order.</summary>
    public IReadOnlyList<string> RequestLog => [.. _requestLog];

    /// <summary>Starts the server.</summary>
    public static async Task<FakeGitHubServer> StartAsync()
    {
        var fake = new FakeGitHubServer();
        fake._server = await LoopbackWebServer.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (e.g. 500, or 403 for a secondary rate limit).</summary>
    public void InjectFaults(int status, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(status);
        }
    }

    private void Map(WebApplication app)
    {
        app.UsePathBase("/api/v3");
        app.Use(async (context, next) =>
        {
            _requestLog.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            context.Response.Headers["X-RateLimit-Limit"] = "5000";
            context.Response.Headers["X-RateLimit-Remaining"] = "4999";
            context.Response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";
            if (context.Request.Path.StartsWithSegments(BlobPrefix))
            {
                // Blob storage authenticates by the signed URL, not by the API token.
                await next(context);
                return;
            }

            var auth = context.Request.Headers.Authorization.ToString().Split(' ', 2);
            var schemeOk = auth.Length == 2 && (auth[0].Equals("token", StringComparison.OrdinalIgnoreCase) || auth[0].Equals("bearer", StringComparison.OrdinalIgnoreCase));
            if (!schemeOk || auth[1] != Token)
            {
                await WriteError(context, 401, "Bad credentials", "https://docs.github.com/rest");
                return;
            }

            if (await TryAnswerInjectedAsync(context))
            {
                return;
            }

            if (_faults.TryDequeue(out var status))
            {
                if (status == 403 || status == 429)
                {
                    context.Response.Headers["Retry-After"] = "1";
                }

                await WriteError(context, status, status == 403 ? "You have exceeded a secondary rate limit." : "Server Error", "https://docs.github.com/rest");
                return;
            }

            await next(context);
        });
        MapIssues(app);
        MapPulls(app);
        MapDeployments(app);
        MapComments(app);
        MapArtifacts(app);
    }

    /// <summary>The most characters GitHub accepts in an issue or comment body.</summary>
    public const int MaxBodyChars = 65_536;

    /// <summary>Whether GitHub would refuse <paramref name="body"/> as too long (422).</summary>
    private static bool TooLong(string? body) => body is { Length: > MaxBodyChars };

    private static Task WriteError(HttpContext context, int status, string message, string documentation)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync($"{{\"message\":\"{message}\",\"documentation_url\":\"{documentation}\",\"status\":\"{status}\"}}");
    }

    /// <summary>Writes one page of <paramref name="items"/> with GitHub's <c>Link</c> header.</summary>
    private static Task WritePage<T>(HttpContext context, IReadOnlyList<T> items, Func<T, System.Text.Json.Nodes.JsonNode> shape)
    {
        var perPage = Math.Clamp(ReadInt(context.Request.Query["per_page"], 30), 1, 100);
        var page = Math.Max(1, ReadInt(context.Request.Query["page"], 1));
        var lastPage = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var links = new List<string>();
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}";
        string Url(int p) => $"{baseUrl}?per_page={perPage}&page={p}" + ExtraQuery(context);
        if (page < lastPage)
        {
            links.Add($"<{Url(page + 1)}>; rel=\"next\"");
            links.Add($"<{Url(lastPage)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{Url(1)}>; rel=\"first\"");
            links.Add($"<{Url(page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }

        var array = new System.Text.Json.Nodes.JsonArray([.. items.Skip((page - 1) * perPage).Take(perPage).Select(shape)]);
        return WriteJson(context, array);
    }

    private static string ExtraQuery(HttpContext context) =>
        string.Concat(context.Request.Query.Where(q => q.Key is not "per_page" and not "page").Select(q => $"&{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));

    private static Task WriteJson(HttpContext context, System.Text.Json.Nodes.JsonNode node, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(node.ToJsonString());
    }

    private static int ReadInt(string? text, int fallback) => int.TryParse(text, out var value) ? value : fallback;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
