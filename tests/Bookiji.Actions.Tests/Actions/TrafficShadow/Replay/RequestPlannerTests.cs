using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.TrafficShadow.Replay;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class RequestPlannerTests
{
    private static readonly UserUrl Canary = Url("https://canary.example.com/app");
    private static readonly UserUrl Baseline = Url("https://prod.example.com");

    private static UserUrl Url(string text) => UserUrl.TryParse(text) ?? throw new InvalidOperationException(text);

    private static TrafficRequest Request(string method, string path, string? body = null, Dictionary<string, string>? headers = null) =>
        new(method, path, body, headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), Source: "sample.json[0]");

    private static PreparedRequest PrepareSingle(TrafficRequest request, ReplayOptions? options = null, UserUrl? baseline = null)
    {
        var (prepared, refused) = RequestPlanner.Prepare([request], Canary, baseline, options ?? new ReplayOptions());
        Assert.That(refused, Is.Empty);
        return prepared.Single();
    }

    private static string RefuseSingle(TrafficRequest request, UserUrl? baseline = null)
    {
        var (prepared, refused) = RequestPlanner.Prepare([request], Canary, baseline, new ReplayOptions());
        Assert.That(prepared, Is.Empty);
        return refused.Single();
    }

    [Test]
    public void Prepare_CanaryUri_JoinsTheCanaryPathWithTheRequestPathAndQuery()
    {
        var item = PrepareSingle(Request("GET", "/api/bookings/42?x=1"));
        Assert.Multiple(() =>
        {
            Assert.That(item.CanaryUri.ToString(), Is.EqualTo("https://canary.example.com/app/api/bookings/42?x=1"));
            Assert.That(item.Endpoint, Is.EqualTo("GET /api/bookings/{id}"));
            Assert.That(item.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(item.BaselineUri, Is.Null, "no baseline was given");
        });
    }

    [Test]
    public void Prepare_RecordedCredentialsHopByHopAndContentHeaders_AreNeverSent()
    {
        var item = PrepareSingle(Request("GET", "/", headers: new(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = "Bearer someone-elses",
            ["Cookie"] = "session=abc",
            ["Host"] = "recorded.example.com",
            ["Connection"] = "close",
            ["Accept-Encoding"] = "gzip",
            ["Content-Length"] = "12",
            ["Content-MD5"] = "x",
            ["Accept"] = "application/json",
        }));
        Assert.That(item.Headers.Keys, Is.EquivalentTo(new[] { "Accept", "X-Shadow-Request", "User-Agent" }));
    }

    [Test]
    public void Prepare_CredentialOnTheReplayHeadersAllowList_IsSent()
    {
        var options = new ReplayOptions { ReplayHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "x-tenant-token" } };
        var item = PrepareSingle(Request("GET", "/", headers: new(StringComparer.OrdinalIgnoreCase) { ["X-Tenant-Token"] = "t1", ["Authorization"] = "a" }), options);
        Assert.Multiple(() =>
        {
            Assert.That(item.Headers["X-Tenant-Token"], Is.EqualTo("t1"));
            Assert.That(item.Headers.ContainsKey("Authorization"), Is.False);
        });
    }

    [Test]
    public void Prepare_EveryRequest_IsMarkedAsShadowTrafficAndKeepsARecordedUserAgent()
    {
        var plain = PrepareSingle(Request("GET", "/"));
        var recorded = PrepareSingle(Request("GET", "/", headers: new(StringComparer.OrdinalIgnoreCase) { ["user-agent"] = "Mozilla/5.0" }));
        Assert.Multiple(() =>
        {
            Assert.That(plain.Headers["X-Shadow-Request"], Is.EqualTo("true"));
            Assert.That(plain.Headers["User-Agent"], Does.StartWith("bookiji-traffic-shadow/"));
            Assert.That(recorded.Headers["User-Agent"], Is.EqualTo("Mozilla/5.0"));
            Assert.That(recorded.BaselineHeaders["X-Shadow-Request"], Is.EqualTo("true"));
        });
    }

    [Test]
    public void Prepare_AuthHeaders_EachGoOnlyToTheirOwnTarget()
    {
        var options = new ReplayOptions
        {
            CanaryHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer canary" },
            BaselineHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer baseline" },
        };
        var item = PrepareSingle(Request("GET", "/", headers: new(StringComparer.OrdinalIgnoreCase) { ["Accept"] = "*/*" }), options, Baseline);
        Assert.Multiple(() =>
        {
            Assert.That(item.HeadersFor(baseline: false)["Authorization"], Is.EqualTo("Bearer canary"));
            Assert.That(item.HeadersFor(baseline: true)["Authorization"], Is.EqualTo("Bearer baseline"));
            Assert.That(item.HeadersFor(baseline: true)["Accept"], Is.EqualTo("*/*"));
        });
    }

    [Test]
    public void Prepare_UnsafeMethod_GoesToTheCanaryOnly()
    {
        var (prepared, refused) = RequestPlanner.Prepare([Request("GET", "/a"), Request("POST", "/a", "{}")], Canary, Baseline, new ReplayOptions());
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.Empty);
            Assert.That(prepared[0].BaselineUri?.ToString(), Is.EqualTo("https://prod.example.com/a"));
            Assert.That(prepared[1].BaselineUri, Is.Null);
            Assert.That(prepared[1].CanaryUri.ToString(), Is.EqualTo("https://canary.example.com/app/a"));
        });
    }

    [Test]
    public void Prepare_HeaderValueWithLineBreak_IsRefusedAndTheOthersAreReplayed()
    {
        var bad = Request("GET", "/bad", headers: new(StringComparer.OrdinalIgnoreCase) { ["X-Note"] = "a\r\nX-Injected: 1" });
        var (prepared, refused) = RequestPlanner.Prepare([bad, Request("GET", "/good")], Canary, null, new ReplayOptions());
        Assert.Multiple(() =>
        {
            Assert.That(prepared.Select(p => p.Request.Path), Is.EqualTo(new[] { "/good" }));
            Assert.That(refused.Single(), Does.StartWith("sample.json[0] (GET /bad): header 'X-Note'").And.EndWith("; refused."));
        });
    }

    [Test]
    public void Prepare_HeaderNameWithLineBreak_IsRefusedWithoutEchoingControlCharacters()
    {
        var refused = RefuseSingle(Request("GET", "/", headers: new(StringComparer.OrdinalIgnoreCase) { ["X-A\r\nX-B"] = "1" }));
        Assert.Multiple(() =>
        {
            Assert.That(refused, Does.Contain("header 'X-A??X-B'"));
            Assert.That(refused, Does.Not.Contain("\r").And.Not.Contain("\n"));
        });
    }

    [Test]
    public void Prepare_RecordedContentTypeWithLineBreak_IsRefused() =>
        Assert.That(
            RefuseSingle(Request("POST", "/", "{}", new(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json\r\nX-Injected: 1" })),
            Does.Contain("Content-Type"));

    [TestCase("/http://evil.example.net/steal")]
    [TestCase("//evil.example.net/x")]
    [TestCase("/\\evil.example.net")]
    [TestCase("/mailto:someone")]
    [TestCase("api/relative")]
    public void Prepare_PathThatCouldLeaveTheTarget_IsRefused(string path) =>
        Assert.That(RefuseSingle(Request("GET", path), Baseline), Does.Contain("path"));

    [Test]
    public void Prepare_InvalidMethod_IsRefusedNotThrown() =>
        Assert.That(RefuseSingle(Request("GE T", "/")), Does.Contain("not a valid request"));

    [TestCase("/api?x=1", "https://canary.example.com/app/api?x=1")]
    [TestCase("/", "https://canary.example.com/app/")]
    public void Target_OriginFormPath_StaysOnTheTarget(string path, string expected) =>
        Assert.That(RequestPlanner.Target(Canary, path)?.ToString(), Is.EqualTo(expected));

    [TestCase("/a#fragment")]
    [TestCase("//other-host/x")]
    [TestCase("/a\\b")]
    [TestCase("https://other-host/x")]
    public void Target_PathThatIsNotOriginForm_IsNull(string path) => Assert.That(RequestPlanner.Target(Canary, path), Is.Null);

    [Test]
    public void Target_UserInfoOnTheTarget_IsNotSent() =>
        Assert.That(RequestPlanner.Target(Url("https://user:pass@canary.example.com"), "/x")?.ToString(), Is.EqualTo("https://canary.example.com/x"));

    [TestCase("{\"a\":1}", "application/json")]
    [TestCase("  [1,2]", "application/json")]
    [TestCase("a=1&b=2", "text/plain")]
    public void ContentType_NoneRecorded_IsGuessedFromTheBody(string body, string expected) =>
        Assert.That(RequestPlanner.ContentType(Request("POST", "/", body), body), Is.EqualTo(expected));

    [Test]
    public void ContentType_Recorded_WinsOverTheGuess()
    {
        var request = Request("POST", "/", "{}", new(StringComparer.OrdinalIgnoreCase) { ["content-type"] = "application/merge-patch+json" });
        Assert.That(RequestPlanner.ContentType(request, "{}"), Is.EqualTo("application/merge-patch+json"));
    }
}
