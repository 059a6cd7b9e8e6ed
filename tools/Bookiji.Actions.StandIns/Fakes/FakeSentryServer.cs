using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>
/// A fake of Sentry's events (Discover) API on loopback: <c>GET /api/0/organizations/{org}/events/</c> answering
/// the documented <c>{"data":[{...}],"meta":{"fields":{...}}}</c> shape for the requested fields, bearer-token
/// authentication (401 <c>{"detail":"Invalid token"}</c>), and injectable 429s carrying the
/// <c>X-Sentry-Rate-Limit-*</c> headers and <c>Retry-After</c>, or garbage.
/// </summary>
public sealed class FakeSentryServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _queries = new();
    private LoopbackWebServer? _server;
    private int _rateLimited;

    /// <summary>The token requests must carry.</summary>
    public string Token { get; set; } = "sntrys_fakeSentryToken0123456789";

    /// <summary>The organization slug served.</summary>
    public string Organization { get; set; } = "bookiji";

    /// <summary>failure_rate() answered.</summary>
    public double FailureRate { get; set; } = 0.01;

    /// <summary>count() answered.</summary>
    public long Count { get; set; } = 1200;

    /// <summary>Answer a non-JSON body.</summary>
    public bool Garbage { get; set; }

    /// <summary>The server root (the <c>sentry-url</c> input).</summary>
    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>Each request's query string.</summary>
    public IReadOnlyList<string> Queries => [.. _queries];

    /// <summary>Starts the server.</summary>
    public static async Task<FakeSentryServer> StartAsync()
    {
        var fake = new FakeSentryServer();
        fake._server = await LoopbackWebServer.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>Answers the next <paramref name="count"/> queries with 429.</summary>
    public void RateLimitNext(int count) => Interlocked.Exchange(ref _rateLimited, count);

    private void Map(WebApplication app) =>
        app.MapGet("/api/0/organizations/{org}/events/", async (HttpContext ctx, string org) =>
        {
            _queries.Enqueue(ctx.Request.QueryString.Value ?? string.Empty);
            ctx.Response.ContentType = "application/json";
            ctx.Response.Headers["X-Sentry-Rate-Limit-Limit"] = "50";
            ctx.Response.Headers["X-Sentry-Rate-Limit-ConcurrentLimit"] = "25";
            if (ctx.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
            {
                ctx.Response.StatusCode = 401;
                await ctx.Response.WriteAsync("{\"detail\":\"Invalid token\"}");
                return;
            }

            if (org != Organization)
            {
                ctx.Response.StatusCode = 404;
                await ctx.Response.WriteAsync("{\"detail\":\"The requested resource does not exist\"}");
                return;
            }

            if (Interlocked.Decrement(ref _rateLimited) >= 0)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers["X-Sentry-Rate-Limit-Remaining"] = "0";
                ctx.Response.Headers["X-Sentry-Rate-Limit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                ctx.Response.Headers["X-Sentry-Rate-Limit-ConcurrentRemaining"] = "24";
                ctx.Response.Headers.RetryAfter = "1";
                await ctx.Response.WriteAsync("{\"detail\":\"You are attempting to use this endpoint too frequently. Limit is 50 requests in 1 seconds\"}");
                return;
            }

            Interlocked.Exchange(ref _rateLimited, 0);
            if (Garbage)
            {
                await ctx.Response.WriteAsync("<html>oops</html>");
                return;
            }

            ctx.Response.Headers["X-Sentry-Rate-Limit-Remaining"] = "49";
            var rate = FailureRate.ToString("R", CultureInfo.InvariantCulture);
            await ctx.Response.WriteAsync(
                $"{{\"data\":[{{\"failure_rate()\":{rate},\"count()\":{Count}}}],\"meta\":{{\"fields\":{{\"failure_rate()\":\"percentage\",\"count()\":\"integer\"}},\"units\":{{\"failure_rate()\":null,\"count()\":null}},\"isMetricsData\":false,\"tips\":{{}}}}}}");
        });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
