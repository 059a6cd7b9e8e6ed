using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using static Bookiji.Actions.Tests.Actions.Watchdog.WatchdogHarness;

namespace Bookiji.Actions.Tests.Actions.Watchdog;

[Category("Integration")]
[TestFixture]
public sealed class WatchdogFaultTests
{
    [Test]
    public async Task Run_HangingProduction_IsATimeoutPerAttemptAndDownWhenTheControlUrlAnswers()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Slow);
        production.SlowDelay = TimeSpan.FromSeconds(30);
        var run = await RunAsync(dir, With(production, ("dry-run", "true"), ("timeout", "200ms"), ("retries", "1")));
        Assert.That(run.Outputs["status"], Is.EqualTo("down"), run.Log);
        Assert.That(Check(Result(run), "health")["errorKind"]!.GetValue<string>(), Is.EqualTo("timeout"));
        Assert.That(Result(run)["control"]!["statusCode"]!.GetValue<int>(), Is.EqualTo(404), "the control URL answered, so production, not the network, is at fault");
    }

    [Test]
    public async Task Run_TotalDeadlineReached_CutsTheChecksAndStillWritesTheResult()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Slow);
        production.SlowDelay = TimeSpan.FromMinutes(2);
        var run = await RunAsync(dir, With(production, ("dry-run", "true"), ("timeout", "60s"), ("deadline", "5s")));
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(Check(Result(run), "health")["error"]!.GetValue<string>(), Does.Contain("the run's deadline was reached"), run.Log);
        Assert.That(run.Annotations("error"), Is.Empty, run.Log);
    }

    [Test]
    public async Task Run_GitHubRateLimitingBeyondTheRetries_IsAWarningAndTheChecksAreStillReported()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        github.InjectFaults(429, 50);
        var run = await RunAsync(dir, With(production), github);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Outputs["status"], Is.EqualTo("down"));
        Assert.That(run.Annotations("warning").Select(w => w.Message), Has.Some.Contains("rate-limited"), run.Log);
        Assert.That(Result(run)["incident"]!["action"]!.GetValue<string>(), Is.EqualTo("failed"));
    }

    [Test]
    public async Task Run_KeyThatWouldSplitAHeaderLine_IsRefusedAsInput()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        var run = await RunAsync(dir, With(production, ("dry-run", "true")), env: new Dictionary<string, string> { ["ADMIN_API_KEY"] = "abc\r\nX-Evil: 1" });
        Assert.That(run.Annotations("error").Single().Properties["title"], Is.EqualTo("watchdog: invalid input 'admin-api-key'"));
        Assert.That(production.Reloads, Is.EqualTo(0));
    }
}
