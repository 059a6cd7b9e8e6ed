using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>
/// A loopback server that answers every request with <c>respond</c>'s JSON and records what it received: the
/// request targets (path and query as sent) and every header line. For attacks that must reach nothing.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly LoopbackWebServer _server;

    private RecordingServer(LoopbackWebServer server) => _server = server;

    /// <summary>The server's root URL.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Every request target received, e.g. <c>/app/api/health?x=1</c>.</summary>
    public ConcurrentQueue<string> Targets { get; } = new();

    /// <summary>Every header received, as <c>Name: value</c>.</summary>
    public ConcurrentQueue<string> Headers { get; } = new();

    /// <summary>Requests received.</summary>
    public int Count => Targets.Count;

    /// <summary>Starts a server answering 200 with the JSON <paramref name="respond"/> returns for each request (<c>{}</c> when null).</summary>
    public static async Task<RecordingServer> StartAsync(Func<HttpContext, string>? respond = null)
    {
        RecordingServer? self = null;
        var server = await LoopbackWebServer.StartAsync(app => app.Run(async context =>
        {
            self!.Targets.Enqueue(context.Request.Path + context.Request.QueryString);
            foreach (var (name, values) in context.Request.Headers)
            {
                self.Headers.Enqueue($"{name}: {values}");
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(respond?.Invoke(context) ?? "{}");
        }));
        self = new RecordingServer(server);
        return self;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
