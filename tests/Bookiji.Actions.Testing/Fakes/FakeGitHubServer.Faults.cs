using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bookiji.Actions.Testing.Fakes;

public sealed partial class FakeGitHubServer
{
    private readonly ConcurrentQueue<FakeGitHubFault> _brokenAnswers = new();

    /// <summary>Answers the next <paramref name="count"/> authenticated requests with <paramref name="fault"/> instead of the real answer.</summary>
    public void InjectFault(FakeGitHubFault fault, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _brokenAnswers.Enqueue(fault);
        }
    }

    /// <summary>Gives the next injected broken answer, if any; true when the request was answered (or left hanging).</summary>
    private async Task<bool> TryAnswerBrokenAsync(HttpContext context)
    {
        if (!_brokenAnswers.TryDequeue(out var fault))
        {
            return false;
        }

        switch (fault)
        {
            case FakeGitHubFault.Garbage:
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync("<html><body>502 upstream hiccup</body></html>{\"state\":");
                break;
            case FakeGitHubFault.WrongShape:
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync("[{\"number\":\"not a number\",\"state\":42,\"head\":[]}]");
                break;
            default:
                // Hold the request until the client gives up or the server stops, then drop the connection.
                var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                using (var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, either.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        context.Abort();
                    }
                }

                break;
        }

        return true;
    }
}
