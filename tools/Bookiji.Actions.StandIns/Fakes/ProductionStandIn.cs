using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>
/// A stand-in for Bookiji production on loopback, for the watchdog: <c>/api/health</c> and
/// <c>/api/health/bookings</c> behaving as <see cref="Mode"/> says (switchable between runs), the remediation
/// endpoint <c>POST /api/admin/reload-config</c> (bearer key), and hostile answers: an off-host redirect
/// (<c>/redirect-offhost</c>), a 10 MB body (<c>/big</c>), a non-JSON body (<c>/text</c>).
/// </summary>
public sealed class ProductionStandIn : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private LoopbackWebServer? _server;
    private long _count;
    private int _reloads;
    private volatile bool _reloaded;

    /// <summary>The current behaviour; change it between runs.</summary>
    public ProductionMode Mode { get; set; } = ProductionMode.Healthy;

    /// <summary>The delay of <see cref="ProductionMode.Slow"/>.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The key the reload endpoint accepts.</summary>
    public string AdminKey { get; set; } = "adm_standin_key_0123456789";

    /// <summary>The root URL.</summary>
    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>Accepted reloads.</summary>
    public int Reloads => Volatile.Read(ref _reloads);

    /// <summary>Every request as <c>METHOD path</c>.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Starts the stand-in.</summary>
    public static async Task<ProductionStandIn> StartAsync(ProductionMode mode = ProductionMode.Healthy)
    {
        var standIn = new ProductionStandIn { Mode = mode };
        standIn._server = await LoopbackWebServer.StartAsync(standIn.Map);
        return standIn;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            _requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await next(context);
        });
        app.MapGet("/api/health", (HttpContext ctx) => HealthAsync(ctx, bookings: false));
        app.MapGet("/api/health/bookings", (HttpContext ctx) => HealthAsync(ctx, bookings: true));
        app.MapPost("/api/admin/reload-config", (HttpContext ctx) =>
        {
            if (ctx.Request.Headers.Authorization.ToString() != $"Bearer {AdminKey}")
            {
                ctx.Response.StatusCode = 401;
                return ctx.Response.WriteAsync("{\"error\":\"unauthorized\"}");
            }

            Interlocked.Increment(ref _reloads);
            _reloaded = true;
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapGet("/redirect-offhost", (HttpContext ctx) =>
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = "https://evil.example/phish?x=1";
            return Task.CompletedTask;
        });
        app.MapGet("/big", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/json";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            try
            {
                for (var sent = 0; sent < 10 * 1024 * 1024; sent += chunk.Length)
                {
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client stopped reading at its bound, as it should.
            }
        });
        app.MapGet("/text", () => Results.Text("<html>maintenance</html>", "text/html"));
    }

    private async Task HealthAsync(HttpContext ctx, bool bookings)
    {
        var n = Interlocked.Increment(ref _count);
        var status = Mode switch
        {
            ProductionMode.Failing => 500,
            ProductionMode.BookingsFailing when bookings => 503,
            ProductionMode.Flapping when n % 2 == 1 => 500,
            ProductionMode.BrokenUntilReload when !_reloaded => 503,
            _ => 200,
        };
        if (Mode == ProductionMode.Slow)
        {
            await Task.Delay(SlowDelay, ctx.RequestAborted);
        }

        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(status == 200 ? "{\"status\":\"ok\"}" : "{\"status\":\"error\"}");
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
