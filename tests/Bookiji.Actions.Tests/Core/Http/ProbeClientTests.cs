using System.Net.Sockets;
using System.Security.Cryptography;
using Bookiji.Actions.Core.Http;
using Bookiji.Actions.StandIns.Services;
using Bookiji.Actions.StandIns.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.Tests.Core.Http;

[Category("Integration")]
[TestFixture]
public sealed class ProbeClientTests
{
    [Test]
    public async Task Send_FailuresAndRedirects_SeesEveryFailureUnretriedAndDoesNotFollowRedirects()
    {
        var calls = 0;
        await using var server = await LoopbackWebServer.StartAsync(app =>
        {
            app.MapGet("/down", (HttpContext ctx) =>
            {
                Interlocked.Increment(ref calls);
                ctx.Response.StatusCode = 503;
                return Task.CompletedTask;
            });
            app.MapGet("/moved", () => Results.Redirect("/down"));
        });
        using var probe = new ProbeClient();
        using var down = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "down"));
        var first = await probe.SendAsync(down, ProbeBodyMode.Discard, TimeSpan.FromSeconds(5), CancellationToken.None);
        using var moved = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "moved"));
        var redirect = await probe.SendAsync(moved, ProbeBodyMode.Discard, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(503));
            Assert.That(calls, Is.EqualTo(1), "no retry, and the redirect was not followed");
            Assert.That(redirect.Status, Is.EqualTo(302));
            Assert.That(redirect.Location?.OriginalString, Is.EqualTo("/down"));
            Assert.That(first.Ended, Is.GreaterThanOrEqualTo(first.Started));
        });
    }

    [Test]
    public async Task Failures_AreClassified_NotThrown()
    {
        var port = FreePort.Next();
        await using var server = await LoopbackWebServer.StartAsync(app => app.MapGet("/slow", async (HttpContext ctx) => await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted)));
        using var probe = new ProbeClient();
        using var refused = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/"));
        using var slow = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "slow"));
        var a = await probe.SendAsync(refused, ProbeBodyMode.Discard, TimeSpan.FromSeconds(5), CancellationToken.None);
        var b = await probe.SendAsync(slow, ProbeBodyMode.Discard, TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(a.Error, Is.EqualTo(TransportError.Refused));
            Assert.That(b.Error, Is.EqualTo(TransportError.Timeout));
        });
    }

    [Test]
    public async Task LargeBodies_AreKeptOnlyUpToTheBound_AndHashed()
    {
        var big = new byte[3 * 1024 * 1024];
        new Random(1).NextBytes(big);
        await using var server = await LoopbackWebServer.StartAsync(app => app.MapGet("/big", (HttpContext ctx) => ctx.Response.Body.WriteAsync(big).AsTask()));
        using var probe = new ProbeClient(new ProbeClientOptions { MaxBodyBytes = 64 * 1024 });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "big"));
        var response = await probe.SendAsync(request, ProbeBodyMode.Keep, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(response.Body!.OverLimit, Is.True);
            Assert.That(response.Body.Bytes.Length, Is.Zero, "nothing past the bound is held");
            Assert.That(response.Body.Length, Is.EqualTo(big.Length));
            Assert.That(response.Body.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(big))));
        });
    }

    [Test]
    public async Task KeepHead_StopsReadingAnEndlessBodyAtTheBound_AndSaysItWasCut()
    {
        var chunk = new byte[16 * 1024];
        new Random(2).NextBytes(chunk);
        await using var server = await LoopbackWebServer.StartAsync(app => app.MapGet("/endless", async (HttpContext ctx) =>
        {
            // Never ends: reading to the end (every other mode) could only stop at the timeout.
            while (!ctx.RequestAborted.IsCancellationRequested)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        }));
        using var probe = new ProbeClient(new ProbeClientOptions { MaxBodyBytes = 40 * 1024 });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "endless"));
        var response = await probe.SendAsync(request, ProbeBodyMode.KeepHead, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(response.Error, Is.Null, "an answer, not a timeout");
            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(response.Body!.Cut, Is.True);
            Assert.That(response.Body.OverLimit, Is.False, "nothing past the bound was read, so there is no hash");
            Assert.That(response.Body.Bytes.ToArray(), Is.EqualTo(chunk.Concat(chunk).Concat(chunk.Take(8 * 1024)).ToArray()));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task BoundedBody_BodyWithinTheBound_IsKeptWhole(bool head)
    {
        using var stream = new MemoryStream("{\"a\":1}"u8.ToArray());
        var body = head
            ? await BoundedBody.ReadHeadAsync(stream, 7, CancellationToken.None)
            : await BoundedBody.ReadAsync(stream, 7, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(body.OverLimit, Is.False);
            Assert.That(body.Cut, Is.False);
            Assert.That(body.Text, Is.EqualTo("{\"a\":1}"));
            Assert.That(body.Length, Is.EqualTo(7));
        });
    }

    [TestCase(SocketError.ConnectionRefused, TransportError.Refused)]
    [TestCase(SocketError.ConnectionReset, TransportError.Reset)]
    [TestCase(SocketError.HostNotFound, TransportError.Dns)]
    public void HttpErrors_InnerSocketErrors_AreClassified(SocketError code, TransportError expected) =>
        Assert.That(HttpErrors.Classify(new HttpRequestException("x", new SocketException((int)code))), Is.EqualTo(expected));

    [Test]
    public void HttpErrors_TlsAndIoErrors_AreClassified() => Assert.Multiple(() =>
    {
        Assert.That(HttpErrors.Classify(new HttpRequestException("x", new System.Security.Authentication.AuthenticationException())), Is.EqualTo(TransportError.Tls));
        Assert.That(HttpErrors.Classify(new IOException("closed")), Is.EqualTo(TransportError.Reset));
        Assert.That(HttpErrors.Classify(new HttpRequestException(HttpRequestError.NameResolutionError)), Is.EqualTo(TransportError.Dns));
    });
}
