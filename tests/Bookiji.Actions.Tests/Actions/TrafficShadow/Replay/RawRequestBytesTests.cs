using System.Text;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.TrafficShadow.Replay;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class RawRequestBytesTests
{
    private static readonly UserUrl Canary = UserUrl.TryParse("http://canary.internal:8080") ?? throw new InvalidOperationException();
    private static readonly UserUrl Baseline = UserUrl.TryParse("http://baseline.internal") ?? throw new InvalidOperationException();

    private static PreparedRequest Prepare(string method, string path, string? body, ReplayOptions? options = null)
    {
        var request = new TrafficRequest(method, path, body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Accept"] = "application/json" });
        return RequestPlanner.Prepare([request], Canary, Baseline, options ?? new ReplayOptions()).Prepared.Single();
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string[] HeaderLines(string text) => text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");

    [Test]
    public void Build_GetWithoutBody_IsRequestLineHostAndHeadersEndingInABlankLine()
    {
        var item = Prepare("GET", "/api/slots?day=1", null);
        var text = Text(RawRequestBytes.Build(item, item.CanaryUri, baseline: false, hostHeader: null));
        var lines = HeaderLines(text);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("GET /api/slots?day=1 HTTP/1.1"));
            Assert.That(lines[1], Is.EqualTo("Host: canary.internal:8080"));
            Assert.That(lines, Does.Contain("Accept: application/json"));
            Assert.That(lines, Has.None.StartsWith("Content-"));
            Assert.That(text, Does.EndWith("\r\n\r\n"));
        });
    }

    [Test]
    public void Build_HostHeaderOverride_ReplacesTheAuthority()
    {
        var item = Prepare("GET", "/", null);
        var lines = HeaderLines(Text(RawRequestBytes.Build(item, item.CanaryUri, baseline: false, hostHeader: "www.bookiji.com")));
        Assert.That(lines.Where(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(new[] { "Host: www.bookiji.com" }));
    }

    [Test]
    public void Build_Body_IsSentWithItsTypeAndItsLengthInUtf8Bytes()
    {
        const string body = "{\"name\":\"café\"}";
        var item = Prepare("POST", "/api/bookings", body);
        var bytes = RawRequestBytes.Build(item, item.CanaryUri, baseline: false, hostHeader: null);
        var text = Text(bytes);
        var lines = HeaderLines(text);
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Does.Contain("Content-Type: application/json"));
            Assert.That(lines, Does.Contain($"Content-Length: {bodyBytes.Length}"));
            Assert.That(bodyBytes, Has.Length.GreaterThan(body.Length), "the test needs a multi-byte character");
            Assert.That(bytes[^bodyBytes.Length..], Is.EqualTo(bodyBytes));
        });
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("PATCH")]
    public void Build_BodylessWrite_SaysContentLengthZero(string method)
    {
        var item = Prepare(method, "/x", null);
        var lines = HeaderLines(Text(RawRequestBytes.Build(item, item.CanaryUri, baseline: false, hostHeader: null)));
        Assert.That(lines, Does.Contain("Content-Length: 0"));
    }

    [Test]
    public void Build_ForTheBaseline_CarriesTheBaselineCredentialNotTheCanarys()
    {
        var options = new ReplayOptions
        {
            CanaryHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer canary" },
            BaselineHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer baseline" },
        };
        var item = Prepare("GET", "/", null, options);
        var lines = HeaderLines(Text(RawRequestBytes.Build(item, item.BaselineUri!, baseline: true, hostHeader: null)));
        Assert.Multiple(() =>
        {
            Assert.That(lines[1], Is.EqualTo("Host: baseline.internal"));
            Assert.That(lines, Does.Contain("Authorization: Bearer baseline"));
            Assert.That(lines, Does.Not.Contain("Authorization: Bearer canary"));
        });
    }
}
