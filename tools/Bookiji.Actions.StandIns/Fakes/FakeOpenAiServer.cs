using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>
/// An OpenAI-compatible <c>POST /v1/chat/completions</c> on loopback. Each request takes the next queued
/// behaviour (an answer, garbage, an error status or a delay); with the queue empty it answers
/// <see cref="DefaultContent"/>. Responses have the documented <c>chat.completion</c> shape.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, JsonObject, Task>> _behaviours = new();
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private LoopbackWebServer? _server;

    /// <summary>The content answered when nothing is queued.</summary>
    public string DefaultContent { get; set; } = "{}";

    /// <summary>The API key the server accepts (Bearer).</summary>
    public string ApiKey { get; set; } = "sk-test-fake-openai-key";

    /// <summary>The base URL to give an OpenAI client: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri Endpoint => new(_server!.BaseAddress, "v1");

    /// <summary>The request bodies received, in order.</summary>
    public IReadOnlyList<JsonObject> Requests => [.. _requests];

    /// <summary>Starts the server.</summary>
    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var fake = new FakeOpenAiServer();
        fake._server = await LoopbackWebServer.StartAsync(app => app.MapPost("/v1/chat/completions", fake.HandleAsync));
        return fake;
    }

    /// <summary>Queues a well-formed answer whose message content is <paramref name="content"/>.</summary>
    public void EnqueueContent(string content) => _behaviours.Enqueue((ctx, req) => WriteCompletionAsync(ctx, req, content));

    /// <summary>Queues a 200 response whose body is not JSON.</summary>
    public void EnqueueGarbage(string body = "<html>upstream hiccup</html>") =>
        _behaviours.Enqueue((ctx, _) => { ctx.Response.ContentType = "text/html"; return ctx.Response.WriteAsync(body); });

    /// <summary>Queues an error status with OpenAI's error body.</summary>
    public void EnqueueStatus(int status, string message = "The server had an error while processing your request.") =>
        _behaviours.Enqueue((ctx, _) =>
        {
            ctx.Response.StatusCode = status;
            var error = new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "server_error", ["param"] = null, ["code"] = null } };
            return ctx.Response.WriteAsync(error.ToJsonString());
        });

    /// <summary>Queues a reset: the connection is aborted without an answer.</summary>
    public void EnqueueReset() =>
        _behaviours.Enqueue((ctx, _) =>
        {
            ctx.Abort();
            return Task.CompletedTask;
        });

    /// <summary>Queues an answer sent only after <paramref name="delay"/> (or when the client gives up).</summary>
    public void EnqueueDelay(TimeSpan delay, string content = "{}") =>
        _behaviours.Enqueue(async (ctx, req) =>
        {
            try
            {
                await Task.Delay(delay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await WriteCompletionAsync(ctx, req, content);
        });

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
            return;
        }

        var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject ?? [];
        _requests.Enqueue(body);
        if (_behaviours.TryDequeue(out var behaviour))
        {
            await behaviour(context, body);
            return;
        }

        await WriteCompletionAsync(context, body, DefaultContent);
    }

    private static Task WriteCompletionAsync(HttpContext context, JsonObject request, string content)
    {
        var response = new JsonObject
        {
            ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request["model"]?.GetValue<string>() ?? "gpt-4o-mini",
            ["system_fingerprint"] = "fp_fake",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 42, ["completion_tokens"] = 7, ["total_tokens"] = 49 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(response.ToJsonString());
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
