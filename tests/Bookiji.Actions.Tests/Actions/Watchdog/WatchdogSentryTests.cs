using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.StandIns.Services;
using static Bookiji.Actions.Tests.Actions.Watchdog.WatchdogHarness;

namespace Bookiji.Actions.Tests.Actions.Watchdog;

[Category("Integration")]
[TestFixture]
public sealed class WatchdogSentryTests
{
    private static Dictionary<string, string> SentryEnv(FakeSentryServer sentry, string? token = null) => new()
    {
        ["SENTRY_ORG"] = sentry.Organization,
        ["SENTRY_PROJECT"] = "web",
        ["SENTRY_API_TOKEN"] = token ?? sentry.Token,
        ["SENTRY_URL"] = sentry.BaseAddress.ToString(),
    };

    [Test]
    public async Task Sentry_FailureRateAboveTheBudget_IsDegradedAndTheQueryAsksTheDocumentedFields()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        await using var sentry = await FakeSentryServer.StartAsync();
        sentry.FailureRate = 0.12;
        var run = await RunAsync(dir, With(production, ("dry-run", "true"), ("error-budget", "0.05")), env: SentryEnv(sentry));
        Assert.That(run.Outputs["status"], Is.EqualTo("degraded"), run.Log);
        var budget = Result(run)["errorBudget"]!;
        Assert.That(budget["state"]!.GetValue<string>(), Is.EqualTo("breached"));
        Assert.That(budget["failureRate"]!.GetValue<double>(), Is.EqualTo(0.12));
        Assert.That(budget["count"]!.GetValue<long>(), Is.EqualTo(1200));
        var query = Uri.UnescapeDataString(sentry.Queries.Single());
        Assert.That(query, Does.Contain("field=failure_rate()").And.Contain("field=count()").And.Contain("statsPeriod=1h").And.Contain("project:web"));
        Assert.That(VisibleLog(run) + run.Summary + File.ReadAllText(Path.Combine(run.Workspace, "watchdog-result.json")), Does.Not.Contain(sentry.Token));
    }

    [Test]
    public async Task Sentry_RateLimited_IsRetriedAfterRetryAfterAndThenAnswers()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        await using var sentry = await FakeSentryServer.StartAsync();
        sentry.RateLimitNext(1);
        var run = await RunAsync(dir, With(production, ("dry-run", "true")), env: SentryEnv(sentry));
        Assert.That(Result(run)["errorBudget"]!["state"]!.GetValue<string>(), Is.EqualTo("ok"), run.Log);
        Assert.That(sentry.Queries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Sentry_Always429_IsAWarningWithItsRateLimitHeadersAndTheStatusIsDecidedWithoutIt()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        await using var sentry = await FakeSentryServer.StartAsync();
        sentry.RateLimitNext(10);
        var run = await RunAsync(dir, With(production, ("dry-run", "true")), env: SentryEnv(sentry));
        Assert.That(run.Outputs["status"], Is.EqualTo("ok"));
        Assert.That(Result(run)["errorBudget"]!["state"]!.GetValue<string>(), Is.EqualTo("unavailable"));
        Assert.That(run.Annotations("warning").Single().Message, Does.Contain("429").And.Contain("X-Sentry-Rate-Limit-Remaining: 0"));
    }

    [TestCase("invalid-token")]
    [TestCase("garbage")]
    public async Task Sentry_BadTokenOrGarbage_IsAClearWarning(string fault)
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        await using var sentry = await FakeSentryServer.StartAsync();
        sentry.Garbage = fault == "garbage";
        var run = await RunAsync(dir, With(production, ("dry-run", "true")), env: SentryEnv(sentry, fault == "invalid-token" ? "sntrys_wrong" : null));
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Outputs["status"], Is.EqualTo("ok"));
        Assert.That(run.Annotations("warning").Single().Message, Does.Contain(fault == "garbage" ? "not the documented JSON shape" : "Sentry rejected the token (401)"));
        Assert.That(run.Annotations("error"), Is.Empty);
    }

    [Test]
    public async Task Sentry_Unreachable_IsAWarningNamingTheClassifiedTransportError()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        var env = new Dictionary<string, string>
        {
            ["SENTRY_ORG"] = "bookiji",
            ["SENTRY_PROJECT"] = "web",
            ["SENTRY_API_TOKEN"] = "sntrys_unused",
            ["SENTRY_URL"] = $"http://127.0.0.1:{FreePort.Next()}/",
        };
        var run = await RunAsync(dir, With(production, ("dry-run", "true")), env: env);
        Assert.That(run.Outputs["status"], Is.EqualTo("ok"), run.Log);
        Assert.That(run.Annotations("warning").Single().Message, Does.Contain("Sentry could not be reached (refused)"));
    }

    [Test]
    public async Task Sentry_HalfConfigured_IsSkippedWithAWarningNamingWhatIsSet()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        var run = await RunAsync(dir, With(production, ("dry-run", "true")), env: new Dictionary<string, string> { ["SENTRY_ORG"] = "bookiji" });
        Assert.That(run.Annotations("warning").Single().Message, Does.Contain("set: SENTRY_ORG"));
        Assert.That(Result(run).ContainsKey("errorBudget"), Is.False);
    }

    [Test]
    public async Task Incident_SentryConfigured_SendsTheReaderToSentry()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var sentry = await FakeSentryServer.StartAsync();
        await using var github = await FakeGitHubServer.StartAsync();
        await RunAsync(dir, With(production), github, env: SentryEnv(sentry));
        Assert.That(IncidentIssues(github).Single().Body, Does.Contain("2. Look at Sentry for new errors"));
    }
}
