using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bookiji.Actions.StandIns.Fakes;

public sealed partial class FakeGitHubServer
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _answers = new();

    /// <summary>Answers the next <paramref name="count"/> authenticated requests with 200 and a body that is not JSON.</summary>
    public void InjectGarbage(int count = 1, string body = "<html><body>upstream hiccup</body></html>") =>
        Enqueue(count, context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(body);
        });

    /// <summary>Answers the next <paramref name="count"/> authenticated requests with 200 and valid JSON of the wrong shape.</summary>
    public void InjectWrongShape(int count = 1, string json = "{\"unexpected\":[1,2,3],\"filename\":42}") =>
        Enqueue(count, context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(json);
        });

    /// <summary>Answers the next <paramref name="count"/> authenticated requests with 302 to <paramref name="location"/>'s origin and the same path (a hostile or misrouted API).</summary>
    public void InjectRedirect(Uri location, int count = 1) =>
        Enqueue(count, context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = new Uri(location, context.Request.Path + context.Request.QueryString).ToString();
            return Task.CompletedTask;
        });

    /// <summary>Holds the next <paramref name="count"/> authenticated requests open without answering until the client gives up.</summary>
    public void InjectHang(int count = 1) =>
        Enqueue(count, async context =>
        {
            // Held until the client gives up or the server stops (so disposing the fake does not wait for the client).
            var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, either.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
            }
        });

    /// <summary>Answers the next <paramref name="count"/> authenticated requests with <paramref name="fault"/> instead of the real answer.</summary>
    public void InjectFault(FakeGitHubFault fault, int count = 1)
    {
        switch (fault)
        {
            case FakeGitHubFault.Garbage:
                InjectGarbage(count, "<html><body>502 upstream hiccup</body></html>{\"state\":");
                break;
            case FakeGitHubFault.WrongShape:
                InjectWrongShape(count, "[{\"number\":\"not a number\",\"state\":42,\"head\":[]}]");
                break;
            default:
                InjectHang(count);
                break;
        }
    }

    private void Enqueue(int count, Func<HttpContext, Task> answer)
    {
        for (var i = 0; i < count; i++)
        {
            _answers.Enqueue(answer);
        }
    }

    /// <summary>Plays the next injected answer, if any; true when it did.</summary>
    private async Task<bool> TryAnswerInjectedAsync(HttpContext context)
    {
        if (!_answers.TryDequeue(out var answer))
        {
            return false;
        }

        await answer(context);
        return true;
    }
}
