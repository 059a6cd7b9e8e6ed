using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.Tests.Core.Markdown;
using static Bookiji.Actions.Tests.Actions.TrafficShadow.TrafficShadowHarness;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow;

/// <summary>Issue 9: the attacks a poisoned traffic log or a hostile upstream would make, through the local runner.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TrafficShadowSecurityTests
{
    [Test]
    public async Task Summary_RefusedEntryNamedWithMarkdown_IsQuotedInertly()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        var sample = """[{"method":"GET","path":"https://evil.example/@bookiji/oncall/see/#1"},{"method":"GET","path":"/api/health"}]""";
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString() }, sample);
        Assert.Multiple(() =>
        {
            Assert.That(result.Summary, Does.Contain("@bookiji/oncall"), "the refused entry is still named: " + result.Log);
            Assert.That(LiveMarkdown.OutsideHtmlCode(result.Summary), Does.Not.Contain("@bookiji").And.Not.Contain("#1"));
        });
    }

    [Test]
    public async Task SchemeInThePath_NeverReachesAnotherHost_WithTheCanarysSecret()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await RecordingServer.StartAsync();
        await using var other = await RecordingServer.StartAsync();
        var elsewhere = other.BaseAddress.Authority;
        var json = $$"""[{"method":"GET","path":"/http://{{elsewhere}}/steal"},{"method":"GET","path":"/HTTP://{{elsewhere}}/steal"},{"method":"GET","path":"/api/health"}]""";
        var fromJson = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["canary-auth-header"] = "X-Canary-Key: k-s3cret", ["results-path"] = "json.json" }, json);
        dir.WriteFile("workspace/traffic.har", $$$"""{"log":{"entries":[{"request":{"method":"GET","url":"http://{{{canary.BaseAddress.Authority}}}/http://{{{elsewhere}}}/steal","headers":[]}},{"request":{"method":"GET","url":"http://{{{canary.BaseAddress.Authority}}}/api/health","headers":[]}}]}}""");
        var fromHar = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["canary-auth-header"] = "X-Canary-Key: k-s3cret", ["traffic-log-path"] = "traffic.har", ["results-path"] = "har.json" }, json);
        dir.WriteFile("workspace/access.log", $"127.0.0.1 - - [10/Oct/2025:13:55:36 +0000] \"GET /http://{elsewhere}/steal HTTP/1.1\" 200 2 \"-\" \"curl\"\n127.0.0.1 - - [10/Oct/2025:13:55:37 +0000] \"GET /api/health HTTP/1.1\" 200 2 \"-\" \"curl\"\n");
        var fromLog = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["canary-auth-header"] = "X-Canary-Key: k-s3cret", ["traffic-log-path"] = "access.log", ["results-path"] = "log.json" }, json);
        Assert.Multiple(() =>
        {
            Assert.That(other.Count, Is.Zero, "the other host receives nothing, from any sample format");
            Assert.That(other.Headers, Has.None.Contains("k-s3cret"));
            Assert.That(canary.Targets, Has.None.Contains("steal"), "the entries are refused, not sent to the canary either");
            Assert.That(fromJson.Annotations("warning").Select(w => w.Message), Has.Some.Contains("booking-sample.json[0]").And.Some.Contains("booking-sample.json[1]"));
            Assert.That(fromHar.Annotations("warning").Select(w => w.Message), Has.Some.Contains("traffic.har entry 0"));
            Assert.That(fromLog.Annotations("warning").Select(w => w.Message), Has.Some.Contains("access.log line 1"));
            Assert.That(Results(fromLog)["totalRequests"]!.GetValue<long>(), Is.EqualTo(1), "the rest is replayed");
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task CredentialHeaders_AreDroppedByPattern_UnlessAllowed_AndHeaderInjectionIsRefused(string engine)
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await RecordingServer.StartAsync();
        var sample = """
            [{"method":"GET","path":"/a","headers":{"X-Auth":"u1","X-Api-Token":"u2","Password":"u3","X-CSRF-Token":"u4","X-Session-Id":"u5","X-Api-Key":"u6","Cookie":"u7","X-Request-Kind":"kept","X-Tenant-Token":"allowed"}},
             {"method":"GET","path":"/b","headers":{"X-Trace":"a\r\nX-Injected: 1"}},
             {"method":"GET","path":"/c","headers":{"X-Bad\r\nX-Injected":"1"}}]
            """;
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["replay-headers"] = "X-Tenant-Token", ["engine"] = engine }, sample);
        Assert.Multiple(() =>
        {
            Assert.That(canary.Headers.Where(h => h.EndsWith(": u1", StringComparison.Ordinal) || h.Contains(": u", StringComparison.Ordinal)), Is.Empty, "no recorded credential is replayed");
            Assert.That(canary.Headers, Has.Some.EqualTo("X-Request-Kind: kept"));
            Assert.That(canary.Headers, Has.Some.EqualTo("X-Tenant-Token: allowed"), "the allow-list lets a named header through");
            Assert.That(canary.Headers, Has.None.StartsWith("X-Injected"));
            Assert.That(canary.Targets, Is.EqualTo(new[] { "/a" }));
            Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("booking-sample.json[1]").And.Some.Contains("booking-sample.json[2]"));
        });
    }

    [Test]
    public async Task Run_SecretsInUrlsAndResponses_NoneReachesAnyProducedFile()
    {
        using var dir = new TemporaryDirectory();
        await using var baseline = await RecordingServer.StartAsync(_ => """{"token":"tok-AAAA-base","session":{"key":"sess-AAAA"},"price":40}""");
        await using var canary = await RecordingServer.StartAsync(_ => """{"token":"tok-BBBB-canary","session":{"key":"sess-BBBB"},"price":42}""");
        var canaryUrl = canary.BaseAddress.ToString().Replace("http://", "http://deployer:pa55w0rd@", StringComparison.Ordinal);
        var with = new Dictionary<string, string> { ["canary-url"] = canaryUrl, ["baseline-url"] = baseline.BaseAddress.ToString(), ["learn-noise"] = "false", ["repeat"] = "3" };
        var result = await RunAsync(dir, with, """[{"method":"GET","path":"/a"},{"method":"GET","path":"/b"},{"method":"GET","path":"/http://elsewhere/x?token=qtok-SECRET"}]""");
        var files = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains("traffic-samples", StringComparison.Ordinal))
            .Select(f => (f, Text: File.ReadAllText(f))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(files.Where(f => f.Text.Contains("pa55w0rd", StringComparison.Ordinal)).Select(f => f.f), Is.Empty, "userinfo is stripped from every URL written");
            Assert.That(files.Where(f => f.Text.Contains("tok-", StringComparison.Ordinal) || f.Text.Contains("sess-", StringComparison.Ordinal)).Select(f => f.f), Is.Empty, "secret-looking values are redacted");
            Assert.That(files.Where(f => f.Text.Contains("qtok-SECRET", StringComparison.Ordinal)).Select(f => f.f), Is.Empty, "a refused entry is named without its query");
            Assert.That(Results(result)["canaryUrl"]!.GetValue<string>(), Is.EqualTo(canary.BaseAddress.ToString()));
            Assert.That(Results(result)["diffs"]!.AsArray().Select(d => d!["example"]!.GetValue<string>()), Has.All.Contains("(redacted)"));
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task LargeResponses_AreReadOnlyUpToMaxBody_HashedAndCounted(string engine)
    {
        using var dir = new TemporaryDirectory();
        // 4 MB JSON bodies that differ only at their end: a bounded read cannot see the difference, the hash does.
        var padding = new string('x', 4 * 1024 * 1024);
        await using var baseline = await RecordingServer.StartAsync(_ => $$"""{"pad":"{{padding}}","v":1}""");
        await using var canary = await RecordingServer.StartAsync(_ => $$"""{"pad":"{{padding}}","v":2}""");
        var with = new Dictionary<string, string> { ["canary-url"] = canary.BaseAddress.ToString(), ["baseline-url"] = baseline.BaseAddress.ToString(), ["max-body"] = "65536", ["learn-noise"] = "false", ["concurrency"] = "2", ["engine"] = engine };
        var result = await RunAsync(dir, with, """[{"method":"GET","path":"/big"},{"method":"GET","path":"/big"}]""");
        var run = Results(result)["run"]!;
        Assert.Multiple(() =>
        {
            Assert.That(run["overMaxBody"]!.GetValue<long>(), Is.EqualTo(2), "both pairs went past max-body and are counted");
            Assert.That(run["differing"]!.GetValue<long>(), Is.EqualTo(2), "compared by SHA-256");
            Assert.That(Results(result)["diffs"]![0]!["example"]!.GetValue<string>(), Does.Contain("over max-body"));
            Assert.That(result.Summary, Does.Contain("compared by SHA-256"));
        });
    }

    [Test]
    public async Task ResultsPath_AndMergeInputs_StayInTheWorkspace()
    {
        using var dir = new TemporaryDirectory();
        var escape = await RunAsync(dir, new() { ["canary-url"] = "http://127.0.0.1:9/", ["results-path"] = "../outside.json" }, Sample());
        var merge = await RunAsync(dir, new() { ["mode"] = "merge", ["merge-inputs"] = "/etc/hostname\n../x.json" }, Sample());
        Assert.Multiple(() =>
        {
            Assert.That(escape.Annotations("error").Single().Properties["title"], Is.EqualTo("traffic-shadow: invalid input 'results-path'"));
            Assert.That(File.Exists(Path.Combine(dir.Path, "outside.json")), Is.False);
            Assert.That(string.Join("\n", merge.Annotations("error").Select(e => e.Message)), Does.Contain("/etc/hostname").And.Contain("../x.json"));
        });
    }
}
