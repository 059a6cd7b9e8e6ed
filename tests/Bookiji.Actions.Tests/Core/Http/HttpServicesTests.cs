using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Testing.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.Tests.Core.Http;

[TestFixture]
public sealed class HttpServicesTests
{
    [Test]
    public async Task ApiClient_RetriesTransientFailures_AndHonoursRetryAfter()
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
        await using var services = HttpServices.Build(TimeProvider.System);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpServices.ApiClient);
        var watch = Stopwatch.StartNew();
        var body = await client.GetStringAsync(new Uri(server.BaseAddress, "flaky"));
        Assert.Multiple(() =>
        {
            Assert.That(body, Is.EqualTo("ok"));
            Assert.That(calls, Is.EqualTo(3));
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "the 429's Retry-After: 1 was waited for");
        });
    }

    [Test]
    public async Task ApiClient_DoesNotRetryClientErrors()
    {
        var calls = 0;
        await using var server = await LoopbackWebServer.StartAsync(app => app.MapGet("/missing", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref calls);
            ctx.Response.StatusCode = 404;
            return Task.CompletedTask;
        }));
        await using var services = HttpServices.Build(TimeProvider.System);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpServices.ApiClient);
        using var response = await client.GetAsync(new Uri(server.BaseAddress, "missing"));
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(404));
            Assert.That(calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RawClient_SeesEveryFailureUnretried()
    {
        var calls = 0;
        await using var server = await LoopbackWebServer.StartAsync(app => app.MapGet("/down", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref calls);
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        }));
        await using var services = HttpServices.Build(TimeProvider.System);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpServices.RawClient);
        using var response = await client.GetAsync(new Uri(server.BaseAddress, "down"));
        Assert.That(calls, Is.EqualTo(1));
    }
}
