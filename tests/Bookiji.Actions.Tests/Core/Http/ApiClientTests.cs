using Bookiji.Actions.Core.Http;
using Bookiji.Actions.StandIns.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bookiji.Actions.Tests.Core.Http;

[Category("Integration")]
[TestFixture]
public sealed class ApiClientTests
{
    [Test]
    public async Task Send_OverLoopback_RetriesTransientFailuresAndHonoursRetryAfter()
    {
        var calls = 0;
        await using var server = await LoopbackWebServer.StartAsync(app => app.MapGet("/flaky", (HttpContext ctx) =>
        {
            var n = Interlocked.Increment(ref calls);
            if (n == 1)
            {
                ctx.Response.StatusCode = 503;
                return Task.CompletedTask;
            }

            if (n == 2)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers["Retry-After"] = "1";
                return Task.CompletedTask;
            }

            return ctx.Response.WriteAsync("ok");
        }));
        var clock = new FakeTimeProvider();
        // Generous attempt bounds: the clock runs ~100× faster than the loopback round trips.
        using var client = ApiClient.Create(clock, new ApiClientOptions { AttemptTimeout = TimeSpan.FromMinutes(10), TotalTimeout = TimeSpan.FromMinutes(30) });
        var started = clock.GetUtcNow();
        var body = await ClockDriver.DriveAsync(clock, client.GetStringAsync(new Uri(server.BaseAddress, "flaky")));
        Assert.Multiple(() =>
        {
            Assert.That(body, Is.EqualTo("ok"));
            Assert.That(calls, Is.EqualTo(3));
            Assert.That(clock.GetUtcNow() - started, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "the 429's Retry-After: 1 was waited for, on the clock");
        });
    }

    [Test]
    public async Task Send_ClientError_IsNotRetried()
    {
        var calls = 0;
        await using var server = await LoopbackWebServer.StartAsync(app => app.MapGet("/missing", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref calls);
            ctx.Response.StatusCode = 404;
            return Task.CompletedTask;
        }));
        using var client = ApiClient.Create();
        using var response = await client.GetAsync(new Uri(server.BaseAddress, "missing"));
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(404));
            Assert.That(calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Send_HangingServer_IsCutAtTheTotalDeadline()
    {
        var calls = 0;
        await using var server = await LoopbackWebServer.StartAsync(app => app.MapGet("/hang", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
        }));
        using var client = ApiClient.Create(options: new ApiClientOptions { TotalTimeout = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromMilliseconds(300), FirstDelay = TimeSpan.FromMilliseconds(50) });
        var failure = Assert.CatchAsync(async () => await client.GetAsync(new Uri(server.BaseAddress, "hang")));
        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.InstanceOf<Polly.Timeout.TimeoutRejectedException>().Or.InstanceOf<OperationCanceledException>());
            Assert.That(calls, Is.GreaterThanOrEqualTo(1), "without the deadline the 30 s answer would have come back as a success");
        });
    }
}
