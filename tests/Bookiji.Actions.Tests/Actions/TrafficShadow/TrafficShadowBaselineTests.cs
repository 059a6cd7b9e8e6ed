using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.StandIns.Services;
using static Bookiji.Actions.Tests.Actions.TrafficShadow.TrafficShadowHarness;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow;

/// <summary>
/// The baseline is often production: by default it gets only safe methods and never the canary's credential;
/// baseline-methods and baseline-auth-header opt in. A canary that fails every request is a rollback at any size.
/// </summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TrafficShadowBaselineTests
{
    private const string MixedSample = """
        [{"method":"GET","path":"/api/health"},
         {"method":"POST","path":"/api/bookings/create","body":{"slot":"09:00"}},
         {"method":"GET","path":"/api/providers/1/slots"}]
        """;

    [Test]
    public async Task Baseline_ByDefault_GetsOnlySafeMethodsAndNoCanaryCredential()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        await using var baseline = await SampleService.StartAsync();
        var result = await RunAsync(dir, new()
        {
            ["canary-url"] = canary.BaseAddress.ToString(),
            ["baseline-url"] = baseline.BaseAddress.ToString(),
            ["canary-auth-header"] = "Authorization: Bearer canary-only-token",
            ["repeat"] = "5",
        }, MixedSample);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(canary.SeenRequests, Has.Some.EqualTo("POST /api/bookings/create"), "unsafe methods still reach the canary");
            Assert.That(baseline.SeenRequests, Has.None.StartsWith("POST"), "no recorded POST reaches the baseline");
            Assert.That(baseline.SeenRequests, Has.Some.EqualTo("GET /api/health"));
            Assert.That(canary.SeenHeaders, Has.Some.EqualTo("Authorization: Bearer canary-only-token"));
            Assert.That(baseline.SeenHeaders.Where(h => h.StartsWith("Authorization", StringComparison.Ordinal)), Is.Empty, "the canary's credential never goes to the baseline");
            Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("went to the canary only"), "the run says what it kept off the baseline");
            Assert.That(result.Outputs["verdict"], Is.AnyOf("promote", "hold"));
            Assert.That(Chart(result.Summary), Does.Contain("bars canary, line baseline").And.Contain("line [").And.Match(@"y-axis ""ms"" 0 --> [1-9][0-9]*\n"));
        });
    }

    [Test]
    public async Task Baseline_WithBaselineMethodsAndItsOwnHeader_OptsIn()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        await using var baseline = await SampleService.StartAsync();
        var result = await RunAsync(dir, new()
        {
            ["canary-url"] = canary.BaseAddress.ToString(),
            ["baseline-url"] = baseline.BaseAddress.ToString(),
            ["canary-auth-header"] = "Authorization: Bearer canary-only-token",
            ["baseline-auth-header"] = "X-Api-Key: baseline-key",
            ["baseline-methods"] = "GET, post",
            ["learn-noise"] = "false",
        }, MixedSample);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(baseline.SeenRequests, Has.Some.EqualTo("POST /api/bookings/create"));
            Assert.That(baseline.SeenHeaders, Has.Some.EqualTo("X-Api-Key: baseline-key"));
            Assert.That(baseline.SeenHeaders.Where(h => h.StartsWith("Authorization", StringComparison.Ordinal)), Is.Empty);
            Assert.That(canary.SeenHeaders.Where(h => h.StartsWith("X-Api-Key", StringComparison.Ordinal)), Is.Empty, "the baseline's credential never goes to the canary");
            Assert.That(result.Masks, Does.Contain("X-Api-Key: baseline-key"));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task CanaryRefusingEveryConnection_FewRequests_IsRollback(bool withBaseline)
    {
        using var dir = new TemporaryDirectory();
        await using var baseline = await SampleService.StartAsync();
        var with = new Dictionary<string, string> { ["canary-url"] = $"http://127.0.0.1:{FreePort.Next()}/", ["learn-noise"] = "false" };
        if (withBaseline)
        {
            with["baseline-url"] = baseline.BaseAddress.ToString();
        }

        var result = await RunAsync(dir, with, Sample(4));
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["verdict"], Is.EqualTo("rollback"), "4 requests, all refused: the canary is down, whatever min-samples says");
            Assert.That(result.Summary, Does.Contain("canary is down"));
        });
    }

    [Test]
    public async Task Sample_OverTheMemoryBound_IsAClearErrorWithVerdictError_AndNothingIsSent()
    {
        using var dir = new TemporaryDirectory();
        await using var canary = await SampleService.StartAsync();
        var entry = """{"method":"GET","path":"/api/health"},""";
        var sample = "[" + string.Concat(Enumerable.Repeat(entry, (int)(Bookiji.Actions.TrafficShadow.TrafficShadowAction.MaxSampleBytes / entry.Length) + 10)) + entry.TrimEnd(',') + "]";
        var result = await RunAsync(dir, new() { ["canary-url"] = canary.BaseAddress.ToString() }, sample);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("MiB").And.Contain("repeat"));
            Assert.That(result.Outputs["verdict"], Is.EqualTo("error"));
            Assert.That(canary.Count, Is.Zero);
        });
    }
}
