using System.Net;
using System.Text;
using Bookiji.Actions.DeployMetadata.Vercel;
using Microsoft.Extensions.Time.Testing;

namespace Bookiji.Actions.Tests.Actions.DeployMetadata.Vercel;

/// <summary>The Vercel client's page-by-page search against hostile upstreams (a scripted handler, a fake clock).</summary>
[TestFixture]
public sealed class VercelClientTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Test]
    public void Find_SlowEndlessPages_StopsAtTheSearchDeadline_NotAfterEveryPage()
    {
        // Every page takes 15 s (on the fake clock), holds no match and points to an older one: before, the search read
        // all 20 pages (20 × what one page may take, retries included) with no bound on the whole.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var requests = 0;
        using var handler = new ScriptedHandler(_ =>
        {
            var next = 1_700_000_000_000 - (++requests * 1000);
            time.Advance(TimeSpan.FromSeconds(15));
            return Page($$"""{ "deployments": [ { "uid": "dpl_other{{requests}}", "readyState": "READY", "created": {{next + 1}}, "meta": { "githubCommitSha": "ffff" } } ], "pagination": { "next": {{next}} } }""");
        });
        using var client = new VercelClient(new Uri("http://vercel.invalid"), "token", null, time, handler);
        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<TimeoutException>(() => client.FindProductionDeploymentAsync("prj", Sha, CancellationToken.None));
            Assert.That(requests, Is.LessThanOrEqualTo(5), "60 s at 15 s a page");
        });
    }

    [TestCase("""{ "deployments": [], "pagination": { "next": "soon" } }""")]
    [TestCase("""{ "deployments": [], "pagination": { "next": 1e400 } }""")]
    [TestCase("""{ "deployments": {}, "pagination": null }""")]
    [TestCase("""<html>upstream hiccup</html>""")]
    public void Find_GarbagePage_Throws_NothingIsFound(string body)
    {
        using var handler = new ScriptedHandler(_ => Page(body));
        using var client = new VercelClient(new Uri("http://vercel.invalid"), "token", null, TimeProvider.System, handler);
        Assert.That(async () => await client.FindProductionDeploymentAsync("prj", Sha, CancellationToken.None), Throws.InstanceOf<Exception>());
    }

    [Test]
    public async Task Find_NextThatDoesNotMoveBack_StopsAfterTwoPages()
    {
        var requests = 0;
        using var handler = new ScriptedHandler(_ => { requests++; return Page("""{ "deployments": [], "pagination": { "next": 1700000000000 } }"""); });
        using var client = new VercelClient(new Uri("http://vercel.invalid"), "token", null, TimeProvider.System, handler);
        var found = await client.FindProductionDeploymentAsync("prj", Sha, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.Null);
            Assert.That(requests, Is.EqualTo(2));
        });
    }

    [Test]
    public void Find_PageErrorsMidway_Throws_NothingIsFound()
    {
        var requests = 0;
        using var handler = new ScriptedHandler(_ => ++requests == 1
            ? Page("""{ "deployments": [], "pagination": { "next": 1700000000000 } }""")
            : new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("boom") });
        using var client = new VercelClient(new Uri("http://vercel.invalid"), "token", null, TimeProvider.System, handler);
        Assert.That(async () => await client.FindProductionDeploymentAsync("prj", Sha, CancellationToken.None), Throws.InstanceOf<HttpRequestException>());
    }

    private static HttpResponseMessage Page(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(answer(request));
        }
    }
}
