using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using static Bookiji.Actions.Tests.Actions.TrafficShadow.TrafficShadowHarness;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow;

/// <summary>The verdict on injected regressions, against real HTTP servers on loopback.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TrafficShadowVerdictTests
{
    private static Dictionary<string, string> With(SampleService canary, SampleService baseline, string repeat, string engine) => new()
    {
        ["engine"] = engine,
        ["canary-url"] = canary.BaseAddress.ToString(),
        ["baseline-url"] = baseline.BaseAddress.ToString(),
        ["repeat"] = repeat,
        ["concurrency"] = "8",
        ["seed"] = "7",
    };

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task AA_SameService_IsPromoted(string engine)
    {
        using var dir = new TemporaryDirectory();
        // 20 ms, so the 10 % allowance (2 ms) is above scheduling noise when the whole suite shares two cores.
        await using var a = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(20) });
        await using var b = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(20) });
        var result = await RunAsync(dir, With(a, b, "100", engine), Sample());
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["verdict"], Is.EqualTo("promote"), result.Summary);
            Assert.That(a.Count, Is.EqualTo(400));
            Assert.That(b.Count, Is.EqualTo(406), "every request goes to both, plus the noise pass: 3 distinct GETs twice");
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task Verdict_ThirtyPercentSlower_IsRolledBack(string engine)
    {
        using var dir = new TemporaryDirectory();
        // 40 ms and 52 ms: under a loaded machine (the suite shares two cores) scheduling adds ~10 ms to both, which must not hide the 30 %.
        await using var canary = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(52) });
        await using var baseline = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(40) });
        var result = await RunAsync(dir, With(canary, baseline, "60", engine), Sample());
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, result.Outputs["results-path"])))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["verdict"], Is.EqualTo("rollback"), result.Summary);
            Assert.That(results["metrics"]!.AsArray().First(m => m!["endpoint"]!.GetValue<string>() == "(all)")!["outcome"]!.GetValue<string>(), Is.EqualTo("fail"));
            Assert.That(result.Summary, Does.Contain("🛑 Canary verdict: rollback").And.Contain("```mermaid"));
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task TwoPercentNew5xx_IsRolledBack_EvenWithNoBaselineErrors(string engine)
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync(new SampleServiceBehaviour { FailEvery = 50 });
        await using var baseline = await SampleService.StartAsync();
        var result = await RunAsync(dir, With(canary, baseline, "150", engine), Sample());
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, result.Outputs["results-path"])))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["verdict"], Is.EqualTo("rollback"), result.Summary);
            Assert.That(result.Outputs["error-rate"], Is.EqualTo("2"));
            Assert.That(results["statusCodes"]!["500"]!.GetValue<long>(), Is.EqualTo(12));
            Assert.That(results["baseline"]!["errors"]!.GetValue<long>(), Is.Zero);
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task Verdict_TenSamples_IsHold(string engine)
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        await using var baseline = await SampleService.StartAsync();
        var result = await RunAsync(dir, With(canary, baseline, "1", engine), Sample(10));
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["verdict"], Is.EqualTo("hold"));
            Assert.That(result.Summary, Does.Contain("inconclusive"));
        });
    }

    [TestCase("httpclient")]
    [TestCase("raw")]
    public async Task ChangedResponses_AreDiffed_NoiseIgnored(string engine)
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync(new SampleServiceBehaviour { Price = 45 });
        await using var baseline = await SampleService.StartAsync();
        var result = await RunAsync(dir, With(canary, baseline, "5", engine), Sample());
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, result.Outputs["results-path"])))!;
        var diffs = json["diffs"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(diffs.Single()!["endpoint"]!.GetValue<string>(), Is.EqualTo("GET /api/providers/{id}/slots"));
            Assert.That(diffs.Single()!["count"]!.GetValue<long>(), Is.EqualTo(10));
            Assert.That(diffs.Single()!["example"]!.GetValue<string>(), Is.EqualTo("$.slots[0].price: 40 → 45"), "ids and timestamps differ on every call and are ignored");
            Assert.That(json["learnedNoise"]!["GET /api/providers/{id}/slots"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "$.servedBy" }),
                "a noisy field no list knows is learned from two baseline responses");
        });
    }
}
