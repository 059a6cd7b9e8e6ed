using System.Text.Json.Nodes;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.StandIns.Services;
using static Bookiji.Actions.Tests.Actions.TrafficShadow.TrafficShadowHarness;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow;

/// <summary>The brief's rows, safety, faults and bad input, against real loopback servers.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TrafficShadowBehaviourTests
{
    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task BriefSample_FromCanaryUrlEnv_WritesTheBriefsResults(string engine)
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        var sample = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "samples", "workspace", "traffic-samples", "booking-sample.json"));
        var result = await RunAsync(dir, new() { ["engine"] = engine }, sample, env: new() { ["CANARY_URL"] = canary.BaseAddress.ToString() });
        var json = (JsonObject)Results(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(json.Select(p => p.Key).Take(8), Is.EqualTo(new[] { "timestamp", "canaryUrl", "totalRequests", "statusCodes", "latencies", "errors", "summary", "verdict" }));
            Assert.That(json["totalRequests"]!.GetValue<long>(), Is.EqualTo(8));
            Assert.That(json["statusCodes"]!["200"]!.GetValue<long>(), Is.EqualTo(7));
            Assert.That(json["statusCodes"]!["201"]!.GetValue<long>(), Is.EqualTo(1), "the brief's POST replays as written");
            Assert.That(json["latencies"]!.AsArray(), Has.Count.EqualTo(8));
            Assert.That(json["summary"]!["errorRate"]!.GetValue<double>(), Is.Zero);
            Assert.That(json["summary"]!["successRate"]!.GetValue<double>(), Is.EqualTo(100));
            Assert.That(result.Outputs["verdict"], Is.EqualTo("hold"), "8 requests are too few to promote");
            Assert.That(canary.SeenHeaders, Has.Some.EqualTo("X-Shadow-Request: true"));
            Assert.That(canary.SeenHeaders.Where(h => h.StartsWith("Authorization", StringComparison.Ordinal)), Is.Empty, "recorded credentials are not replayed");
        });
    }

    [Test]
    public async Task CanaryAuth_IsInjected_MaskedAndNeverWritten()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["canary-auth-header"] = "Authorization: Bearer canary-s3cret-token" }, Sample());
        var files = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText);
        Assert.Multiple(() =>
        {
            Assert.That(canary.SeenHeaders, Has.Some.EqualTo("Authorization: Bearer canary-s3cret-token"));
            Assert.That(result.Masks, Does.Contain("Authorization: Bearer canary-s3cret-token"));
            Assert.That(files.Any(f => f.Contains("canary-s3cret-token", StringComparison.Ordinal)), Is.False, "not in results, summary or outputs");
        });
    }

    [Test]
    public async Task NoBaseline_Chart_HasNoBaselineLineATitleNamingOnlyTheCanaryAndAYAxisFromZero()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString() }, Sample());
        var chart = Chart(result.Summary);
        Assert.Multiple(() =>
        {
            Assert.That(chart, Does.Contain("title \"Latency (ms) of the canary\""), result.Summary);
            Assert.That(chart, Does.Not.Contain("baseline").And.Not.Contain("line ["));
            Assert.That(chart, Does.Match(@"y-axis ""ms"" 0 --> [1-9][0-9]*\n"));
        });
    }

    [Test]
    public async Task Run_NoBaseline_UsesAbsoluteThresholds()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(20) });
        var ok = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["repeat"] = "20", ["max-p95-ms"] = "5000", ["results-path"] = "ok.json" }, Sample());
        var slow = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["repeat"] = "20", ["max-p95-ms"] = "5" }, Sample());
        Assert.Multiple(() =>
        {
            Assert.That(ok.Outputs["verdict"], Is.EqualTo("promote"), ok.Summary);
            Assert.That(slow.Outputs["verdict"], Is.EqualTo("rollback"));
            Assert.That(double.Parse(slow.Outputs["p95-latency"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(20));
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task CanaryDown_AllTransportErrors_RollsBack_AndFailOnRollbackFailsTheStep(string engine)
    {
        using var dir = new TemporaryDirectory();
        var url = $"http://127.0.0.1:{FreePort.Next()}/";
        var result = await RunAsync(dir, new() { ["canary-url"] = url, ["repeat"] = "15", ["fail-on-rollback"] = "true", ["engine"] = engine }, Sample());
        var json = Results(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["verdict"], Is.EqualTo("rollback"));
            Assert.That(json["errorsByKind"]!["Refused"]!.GetValue<long>(), Is.EqualTo(60));
            Assert.That(json["summary"]!["errorRate"]!.GetValue<double>(), Is.EqualTo(100));
            Assert.That(result.ExitCode, Is.EqualTo(1), "fail-on-rollback is the deliberate gate");
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task Timeouts_DroppedConnections_AndTls_AreClassified(string engine)
    {
        using var dir = new TemporaryDirectory();
        await using var plain = await SampleService.StartAsync();
        await using var tls = await SampleService.StartAsync(new SampleServiceBehaviour { Tls = true });
        var faults = """[{"method":"GET","path":"/slow"},{"method":"GET","path":"/drop"},{"method":"GET","path":"/api/health"}]""";
        var result = await RunAsync(dir, new() { ["canary-url"] = plain.BaseAddress.ToString(), ["timeout"] = "300ms", ["results-path"] = "faults.json", ["engine"] = engine }, faults);
        var httpsUrl = tls.BaseAddress.ToString().Replace("http://", "https://", StringComparison.Ordinal);
        var untrusted = await RunAsync(dir, new() { ["canary-url"] = httpsUrl, ["results-path"] = "untrusted.json" }, """[{"method":"GET","path":"/api/health"}]""");
        var trusted = await RunAsync(dir, new() { ["canary-url"] = httpsUrl, ["insecure-skip-tls-verify"] = "true", ["results-path"] = "trusted.json" }, """[{"method":"GET","path":"/api/health"}]""");
        Assert.Multiple(() =>
        {
            Assert.That(Results(result)["errorsByKind"]!.ToJsonString(), Is.EqualTo("{\"Timeout\":1,\"Reset\":1}"));
            Assert.That(Results(result)["errorsByKind"]!["Reset"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(Results(result)["statusCodes"]!["200"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(Results(untrusted)["errorsByKind"]!["Tls"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(Results(trusted)["statusCodes"]!["200"]!.GetValue<long>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task HostileSample_IsGuarded_AndBadEntriesNamed()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        var sample = """[{"method":"GET","path":"/api/health"},{"method":"GET","path":"https://evil.example.net/x"},{"method":"FROB","path":"/"},"oops"]""";
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString() }, sample);
        var warnings = result.Annotations("warning").Select(w => w.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(canary.Count, Is.EqualTo(1));
            Assert.That(warnings, Has.Some.Contains("booking-sample.json[2]: unknown method 'FROB'"));
            Assert.That(warnings, Has.Some.Contains("booking-sample.json[3]: not an object"));
            Assert.That(warnings, Has.Some.Contains("outside the canary and baseline hosts"));
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task Run_HostHeader_IsRewrittenOnlyWhenAsked(string engine)
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["engine"] = engine, ["results-path"] = "plain.json" }, """[{"method":"GET","path":"/api/health"}]""");
        await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["engine"] = engine, ["host-header"] = "www.bookiji.com" }, """[{"method":"GET","path":"/api/health"}]""");
        var hosts = canary.SeenHeaders.Where(h => h.StartsWith("Host: ", StringComparison.Ordinal)).ToList();
        Assert.That(hosts, Is.EqualTo(new[] { $"Host: {canary.BaseAddress.Authority}", "Host: www.bookiji.com" }));
    }

    [Test]
    public async Task Run_RawEngineWithAnHttpsCanary_RefusesHttps()
    {
        using var dir = new TemporaryDirectory();
        var result = await RunAsync(dir, new() { ["canary-url"] = "https://canary.example.com/", ["engine"] = "raw" }, Sample());
        Assert.That(result.Annotations("error").Single().Properties["title"], Is.EqualTo("traffic-shadow: invalid input 'engine'"));
    }

    [Test]
    public async Task Run_MissingSampleOrCanary_AreClearErrors()
    {
        using var dir = new TemporaryDirectory();
        var noCanary = await RunAsync(dir, [], Sample());
        var badJson = await RunAsync(dir, new() { ["canary-url"] = "http://127.0.0.1:9/" }, "{not json");
        Assert.Multiple(() =>
        {
            Assert.That(noCanary.Annotations("error").Single().Properties["title"], Is.EqualTo("traffic-shadow: invalid input 'canary-url'"));
            Assert.That(badJson.Annotations("error").Single().Message, Does.Contain("Nothing to replay"));
            Assert.That(badJson.Annotations("warning").Single().Message, Does.Contain("not valid JSON"));
            Assert.That(noCanary.ExitCode, Is.Zero);
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task OpenLoop_MeasuresFromTheIntendedTime_AndFlagsSaturation(string engine)
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(50) });
        // One worker cannot keep 40 req/s against 50 ms responses: queueing shows up as latency.
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["rate"] = "40", ["concurrency"] = "1", ["repeat"] = "10", ["engine"] = engine }, Sample());
        var json = Results(result);
        Assert.Multiple(() =>
        {
            Assert.That(json["run"]!["saturated"]!.GetValue<bool>(), Is.True);
            Assert.That(json["percentilesMs"]!["p99"]!.GetValue<double>(), Is.GreaterThan(500), "the 40th request waited ~1 s behind its schedule");
        });
    }

    [Test]
    public async Task Merge_TwoShards_MergeIntoOneResult()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        await using var baseline = await SampleService.StartAsync();
        var common = new Dictionary<string, string> { ["canary-url"] = canary.BaseAddress.ToString(), ["baseline-url"] = baseline.BaseAddress.ToString(), ["repeat"] = "30", ["shard-total"] = "2" };
        var s0 = await RunAsync(dir, new(common) { ["shard-index"] = "0", ["results-path"] = "shard-0.json" }, Sample(6));
        var s1 = await RunAsync(dir, new(common) { ["shard-index"] = "1", ["results-path"] = "shard-1.json" }, Sample(6));
        var merged = await RunAsync(dir, new() { ["mode"] = "merge", ["merge-inputs"] = "shard-0.json\nshard-1.json" }, Sample(6));
        var json = Results(merged);
        Assert.Multiple(() =>
        {
            Assert.That(Results(s0)["totalRequests"]!.GetValue<long>(), Is.EqualTo(90));
            Assert.That(Results(s1)["totalRequests"]!.GetValue<long>(), Is.EqualTo(90));
            Assert.That(json["totalRequests"]!.GetValue<long>(), Is.EqualTo(180));
            Assert.That(json["baseline"]!["totalRequests"]!.GetValue<long>(), Is.EqualTo(180));
            Assert.That(merged.Outputs["verdict"], Is.EqualTo("promote"), merged.Summary);
        });
    }
}
