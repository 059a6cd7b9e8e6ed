using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.StandIns.Services;
using Microsoft.Extensions.Time.Testing;
using static Bookiji.Actions.Tests.Actions.TrafficShadow.TrafficShadowHarness;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow;

/// <summary>Issue 10: one bad part never sinks the rest; the user's values and a verdict that means what it says.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TrafficShadowFidelityTests
{
    [Test]
    public async Task MalformedEntries_AreSkippedByIndex_AndTheRestReplayed()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await RecordingServer.StartAsync();
        var sample = """[{"method":"GET","path":"/ftp://x/y"},{"method":"GET","path":"/mailto:someone@example.com"},{"method":"GET","path":"/https:/x"},{"method":"GET","path":"/api/health"}]""";
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString() }, sample);
        var warnings = result.Annotations("warning").Select(w => w.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(warnings, Has.Some.Contains("booking-sample.json[0]").And.Some.Contains("booking-sample.json[1]").And.Some.Contains("booking-sample.json[2]"));
            Assert.That(canary.Targets, Is.EqualTo(new[] { "/api/health" }));
            Assert.That(Results(result)["totalRequests"]!.GetValue<long>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Run_CanaryUrlWithAPath_KeepsIt()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await RecordingServer.StartAsync();
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress + "app" }, """[{"method":"GET","path":"/api/health?x=1"}]""");
        Assert.Multiple(() =>
        {
            Assert.That(canary.Targets, Is.EqualTo(new[] { "/app/api/health?x=1" }));
            Assert.That(Results(result)["canaryUrl"]!.GetValue<string>(), Is.EqualTo(canary.BaseAddress + "app"), "written as given");
        });
    }

    [Test]
    public async Task DifferingResponses_HoldTheVerdict_NamingThePaths_UnlessIgnored()
    {
        using var dir = new TemporaryDirectory();
        // The demo's canary: every slots price differs (40 → 42).
        await using var baseline = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(3) });
        await using var canary = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(3), Price = 42 });
        var with = new Dictionary<string, string> { ["canary-url"] = canary.BaseAddress.ToString(), ["baseline-url"] = baseline.BaseAddress.ToString(), ["repeat"] = "25", ["seed"] = "7" };
        var held = await RunAsync(dir, new(with) { ["results-path"] = "held.json" }, Sample());
        var ignored = await RunAsync(dir, new(with) { ["diff-verdict"] = "ignore", ["results-path"] = "ignored.json" }, Sample());
        Assert.Multiple(() =>
        {
            Assert.That(held.Outputs["verdict"], Is.Not.EqualTo("promote"), held.Summary);
            Assert.That(Results(held)["reason"]!.GetValue<string>(), Does.Contain("Responses differ").And.Contain("GET /api/providers/{id}/slots $.slots[0].price"));
            Assert.That(held.Summary, Does.Contain("responses: <b>fail</b>"));
            Assert.That(Results(ignored)["reason"]!.GetValue<string>(), Does.Not.Contain("Responses differ"));
            Assert.That(Results(ignored)["metrics"]!.AsArray().Select(m => m!["metric"]!.GetValue<string>()), Has.None.EqualTo("responses"));
        });
    }

    [Test]
    public async Task RollbackOnTheOverallMetric_IsShownOnAnAllEndpointsRow_WithoutPEqualsZero()
    {
        using var dir = new TemporaryDirectory();
        await using var baseline = await SampleService.StartAsync();
        var down = $"http://127.0.0.1:{FreePort.Next()}/";
        // 60 requests overall, 30 per endpoint: the overall metrics are conclusive (min-samples 40), the endpoints are not.
        var result = await RunAsync(dir, new() { ["canary-url"] = down, ["baseline-url"] = baseline.BaseAddress.ToString(), ["repeat"] = "15", ["min-samples"] = "40", ["learn-noise"] = "false" }, Sample());
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["verdict"], Is.EqualTo("rollback"));
            Assert.That(result.Summary, Does.Contain("<b>all endpoints</b>"));
            Assert.That(result.Summary, Does.Contain("errors: <b>critical</b>"));
            Assert.That(result.Summary, Does.Not.Contain("p=0)").And.Not.Contain("p=0 "));
        });
    }

    [Test]
    public async Task Summary_HoldVerdict_NeverLeavesAJudgementCellEmpty()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString() }, Sample());
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["verdict"], Is.EqualTo("hold"));
            Assert.That(result.Summary, Does.Contain("<table>"));
            // An empty cell renders as a lone <td>: the last cell of a row then runs into </tr>.
            Assert.That(result.Summary, Does.Not.Contain("<td></tr>").And.Not.Contain("<td><td>"));
        });
    }

    [Test]
    public async Task LongReplays_ReportProgress_AtLeastEvery10Seconds()
    {
        using var dir = new TemporaryDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        // Each request takes one second of the fake clock: 25 requests are 25 s of replay.
        await using var canary = await RecordingServer.StartAsync(_ =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return "{}";
        });
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["repeat"] = "25", ["concurrency"] = "1" }, """[{"method":"GET","path":"/a"}]""", time: clock);
        var progress = result.Log.Split('\n').Where(l => l.StartsWith("… ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(progress, Has.Count.GreaterThanOrEqualTo(2), result.Log);
            Assert.That(progress.FirstOrDefault(), Does.Match(@"^… \d+ of 25 requests after 1\d s, \d+ req/s, 0 canary 5xx/transport errors\.$"));
            Assert.That(result.Log, Does.Contain("::group::Replaying 1 requests"));
        });
    }

    [Test]
    public async Task Merge_NamesEachBadShard_AndMergesTheRest()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        var good = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString(), ["repeat"] = "5", ["results-path"] = "shard-0.json" }, Sample());
        var shard = File.ReadAllText(Path.Combine(good.Workspace, "shard-0.json"));
        dir.WriteFile("workspace/empty.json", string.Empty);
        dir.WriteFile("workspace/garbage.json", "[1, 2");
        dir.WriteFile("workspace/shape.json", """{"run":{"elapsedSeconds":1}}""");
        dir.WriteFile("workspace/histogram.json", System.Text.RegularExpressions.Regex.Replace(shard, "\"histogram\": \"[^\"]+\"", "\"histogram\": \"!!not base64!!\""));
        var merged = await RunAsync(dir, new() { ["mode"] = "merge", ["merge-inputs"] = "shard-0.json\nempty.json\ngarbage.json\nshape.json\nhistogram.json\nmissing.json" }, Sample());
        var warnings = string.Join("\n", merged.Annotations("warning").Select(w => w.Message));
        Assert.Multiple(() =>
        {
            Assert.That(merged.Annotations("error"), Is.Empty, merged.Log);
            foreach (var bad in new[] { "empty.json", "garbage.json", "shape.json", "histogram.json", "missing.json" })
            {
                Assert.That(warnings, Does.Contain($"Shard result {bad} "), bad);
            }

            Assert.That(Results(merged)["totalRequests"]!.GetValue<long>(), Is.EqualTo(20));
            Assert.That(Results(merged)["notes"]!.AsArray().Select(n => n!.GetValue<string>()), Has.Some.EqualTo("Merged 1 of 6 shard results."));
        });
    }
}
