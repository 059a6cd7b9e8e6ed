using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>How a <see cref="SampleService"/> behaves.</summary>
public sealed record SampleServiceBehaviour
{
    /// <summary>Added to every response.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Every Nth request (counted per server) answers 500; 0 for never.</summary>
    public int FailEvery { get; init; }

    /// <summary>The price the slot endpoint returns (change it to make responses differ).</summary>
    public int Price { get; init; } = 40;

    /// <summary>Serve HTTPS with a throwaway self-signed certificate.</summary>
    public bool Tls { get; init; }
}

/// <summary>
/// The bundled sample service (a tiny booking API) on a free loopback port, for traffic-shadow's tests and demo:
/// fixed delays, injected 5xx, dropped connections (<c>/drop</c>), slow responses (<c>/slow</c>), noisy fields
/// (ids, timestamps) and TLS. It records the headers it saw.
/// </summary>
public sealed class SampleService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _count;

    private SampleService(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The service's root URL.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Requests received.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Header names and values received (one entry per request and header of interest).</summary>
    public ConcurrentQueue<string> SeenHeaders { get; } = new();

    /// <summary>Method and path of every request received, e.g. <c>POST /api/bookings/create</c>.</summary>
    public ConcurrentQueue<string> SeenRequests { get; } = new();

    /// <summary>Starts the service.</summary>
    public static async Task<SampleService> StartAsync(SampleServiceBehaviour? behaviour = null)
    {
        behaviour ??= new SampleServiceBehaviour();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (behaviour.Tls)
            {
                listen.UseHttps(SelfSigned());
            }
        }));
        var app = builder.Build();
        SampleService? service = null;
        app.Use(async (context, next) =>
        {
            var n = Interlocked.Increment(ref service!._count);
            service.SeenRequests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            foreach (var name in new[] { "X-Shadow-Request", "Authorization", "Cookie", "X-Api-Key", "Host" })
            {
                if (context.Request.Headers.TryGetValue(name, out var value))
                {
                    service.SeenHeaders.Enqueue($"{name}: {value}");
                }
            }

            if (behaviour.Delay > TimeSpan.Zero)
            {
                await Task.Delay(behaviour.Delay);
            }

            if (behaviour.FailEvery > 0 && n % behaviour.FailEvery == 0)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("{\"error\":\"injected\"}");
                return;
            }

            await next(context);
        });
        app.MapGet("/", () => Results.Text("Bookiji sample service"));
        app.MapGet("/api/health", () => Results.Json(new { status = "ok" }));
        app.MapGet("/api/providers/{id:int}/slots", (int id) => Results.Json(new
        {
            id = Guid.NewGuid(),
            timestamp = DateTimeOffset.UtcNow,
            providerId = id,
            slots = new[] { new { start = "09:00", price = behaviour.Price }, new { start = "10:30", price = behaviour.Price + 5 } },
            // A field no default ignore list knows, different on every call: noise to be learned.
            servedBy = $"node-{Random.Shared.Next(1000)}",
        }));
        app.MapPost("/api/bookings/create", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            return Results.Json(new { id = Guid.NewGuid(), createdAt = DateTimeOffset.UtcNow, received = body.Length }, statusCode: 201);
        });
        app.MapGet("/drop", (HttpContext ctx) =>
        {
            ctx.Abort();
            return Task.CompletedTask;
        });
        app.MapGet("/slow", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return Results.Text("late");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service = new SampleService(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"));
        return service;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
