using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Bookiji.Actions.Tests.Actions.Watchdog.WatchdogHarness;

namespace Bookiji.Actions.Tests.Actions.Watchdog;

[Category("Integration")]
[TestFixture]
public sealed class WatchdogChecksTests
{
    [TestCase("schedule")]
    [TestCase("workflow_dispatch")]
    public async Task Run_HealthyProduction_IsOkWithBothChecksRecordedAndNoIncident(string eventName)
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        await using var github = await FakeGitHubServer.StartAsync();
        var run = await RunAsync(dir, With(production), github, eventName: eventName);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Log);
        Assert.That(run.Outputs["status"], Is.EqualTo("ok"));
        Assert.That(run.Outputs["incident-number"], Is.Empty);
        Assert.That(run.Outputs["result-path"], Is.EqualTo("watchdog-result.json"));
        var result = Result(run);
        Assert.That(Check(result, "health")["statusCode"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(Check(result, "bookings")["endpoint"]!.GetValue<string>(), Is.EqualTo(production.BaseAddress + "api/health/bookings"));
        Assert.That(Check(result, "bookings")["latencyMs"], Is.Not.Null);
        Assert.That(IncidentIssues(github), Is.Empty);
        Assert.That(run.Annotations("warning"), Is.Empty, run.Log);
        Assert.That(run.Summary, Does.Contain("Production watchdog").And.Contain("api/health/bookings"));
    }

    [Test]
    public async Task Run_OneOrBothEndpointsFailing_OneIsDegradedAndBothIsDown()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.BookingsFailing);
        var run = await RunAsync(dir, With(production, ("dry-run", "true")));
        Assert.That(run.Outputs["status"], Is.EqualTo("degraded"), run.Log);
        Assert.That(Check(Result(run), "bookings")["error"]!.GetValue<string>(), Does.Contain("[STATUS] == 200 (got 503)"));
        Assert.That(Check(Result(run), "bookings")["attempts"]!.GetValue<int>(), Is.EqualTo(3), "a failure is confirmed by the retries");

        production.Mode = ProductionMode.Failing;
        run = await RunAsync(dir, With(production, ("dry-run", "true")));
        Assert.That(run.Outputs["status"], Is.EqualTo("down"), run.Log);
    }

    [Test]
    public async Task Run_SlowProduction_IsDegradedWithTheChecksMarkedSlow()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Slow);
        production.SlowDelay = TimeSpan.FromMilliseconds(300);
        var run = await RunAsync(dir, With(production, ("dry-run", "true"), ("slow-threshold", "100ms")));
        Assert.That(run.Outputs["status"], Is.EqualTo("degraded"), run.Log);
        Assert.That(Check(Result(run), "health")["outcome"]!.GetValue<string>(), Is.EqualTo("slow"));
        Assert.That(Check(Result(run), "health")["error"]!.GetValue<string>(), Does.StartWith("[RESPONSE_TIME] < 100 (took "));
    }

    [Test]
    public async Task Run_FlappingProduction_IsConfirmedHealthyByTheRetriesNotAlarmed()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Flapping);
        await using var github = await FakeGitHubServer.StartAsync();
        var run = await RunAsync(dir, With(production), github);
        Assert.That(run.Outputs["status"], Is.EqualTo("ok"), run.Log);
        var result = Result(run);
        Assert.That(Check(result, "health")["attempts"]!.GetValue<int>() + Check(result, "bookings")["attempts"]!.GetValue<int>(), Is.GreaterThan(2), "at least one probe failed and was retried");
        Assert.That(IncidentIssues(github), Is.Empty);
    }

    [Test]
    public async Task Run_TargetUrlWithAPath_EndpointPathsAreAppendedToItAsWritten()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        var run = await RunAsync(dir, With(production, ("target-url", production.BaseAddress + "prefix"), ("dry-run", "true")));
        Assert.That(Check(Result(run), "health")["endpoint"]!.GetValue<string>(), Is.EqualTo(production.BaseAddress + "prefix/api/health"));
        Assert.That(Result(run)["target"]!.GetValue<string>(), Is.EqualTo(production.BaseAddress + "prefix"));
    }

    [Test]
    public async Task Run_ExtraEndpointsWithGatusConditions_ComeFromTheInputAndAFileAndABadEntryIsSkipped()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        dir.WriteFile("workspace/watchdog/endpoints.json", """
            {"endpoints":[
              {"name":"body-ok","url":"/api/health","conditions":["[BODY].status == ok","[RESPONSE_TIME] < 5000"]},
              {"name":"bad name!","url":"/api/health"}
            ]}
            """);
        var run = await RunAsync(dir, With(production,
            ("dry-run", "true"),
            ("endpoints", "status-200 | /api/health | [STATUS] == 200 && [BODY].status != error"),
            ("endpoints-file", "watchdog/endpoints.json")));
        var result = Result(run);
        Assert.That(run.Outputs["status"], Is.EqualTo("ok"), run.Log);
        Assert.That(Check(result, "status-200")["outcome"]!.GetValue<string>(), Is.EqualTo("pass"));
        Assert.That(Check(result, "body-ok")["outcome"]!.GetValue<string>(), Is.EqualTo("pass"));
        Assert.That(run.Annotations("warning").Single().Message, Does.Contain("endpoints[1] skipped").And.Contain("bad name!"));
    }

    [Test]
    public async Task Run_OffHostRedirect_IsNotFollowedAndTheFailingExtraEndpointIsDegradedNotDown()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        var run = await RunAsync(dir, With(production, ("dry-run", "true"), ("endpoints", "redirect | /redirect-offhost")));
        var check = Check(Result(run), "redirect");
        Assert.That(run.Outputs["status"], Is.EqualTo("degraded"));
        Assert.That(check["statusCode"]!.GetValue<int>(), Is.EqualTo(302));
        Assert.That(check["redirectHost"]!.GetValue<string>(), Is.EqualTo("evil.example"));
        Assert.That(check["error"]!.GetValue<string>(), Does.Contain("not followed"));
        Assert.That(run.Log, Does.Not.Contain("phish"), "the Location text is upstream-controlled and never reported");
    }

    [Test]
    public async Task Run_TenMegabyteBody_IsReadBoundedAndABodyConditionOnItSaysItWasCut()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        var run = await RunAsync(dir, With(production, ("dry-run", "true"), ("retries", "0"), ("max-body-kib", "64"),
            ("endpoints", "big | /big | [BODY].status == ok\nstatus-only | /big | [STATUS] == 200")));
        var result = Result(run);
        Assert.That(Check(result, "big")["bodyTruncated"]!.GetValue<bool>(), Is.True);
        Assert.That(Check(result, "big")["error"]!.GetValue<string>(), Does.Contain("was cut, not evaluated"));
        Assert.That(Check(result, "status-only")["outcome"]!.GetValue<string>(), Is.EqualTo("pass"));
    }

    [Test]
    public async Task Run_NonJsonBody_FailsABodyConditionSayingSo()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        var run = await RunAsync(dir, With(production, ("dry-run", "true"), ("retries", "0"), ("endpoints", "page | /text | [BODY].status == ok")));
        Assert.That(Check(Result(run), "page")["error"]!.GetValue<string>(), Is.EqualTo("[BODY].status == ok (body is not JSON)"));
    }

    [Test]
    public async Task Run_TlsFailure_IsClassifiedAsTls()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        await using var tls = await SampleService.StartAsync(new SampleServiceBehaviour { Tls = true });
        var https = tls.BaseAddress.ToString().Replace("http://", "https://", StringComparison.Ordinal);
        var run = await RunAsync(dir, With(production, ("dry-run", "true"), ("retries", "0"), ("endpoints", $"tls | {https}api/health")));
        var check = Check(Result(run), "tls");
        Assert.That(check["errorKind"]!.GetValue<string>(), Is.EqualTo("tls"), run.Log);
        Assert.That(check["statusCode"], Is.Null);
    }

    [Test]
    public async Task Run_EveryProbeATransportErrorAndTheControlUrlUnreachable_IsUnknownAndNeverAnIncident()
    {
        using var dir = new TemporaryDirectory();
        await using var github = await FakeGitHubServer.StartAsync();
        var closed = $"http://127.0.0.1:{Bookiji.Actions.StandIns.Services.FreePort.Next()}";
        var run = await RunAsync(dir, new Dictionary<string, string>
        {
            ["target-url"] = closed, ["control-url"] = closed + "/control", ["retry-delay"] = "10ms", ["timeout"] = "2s",
        }, github);
        Assert.That(run.Outputs["status"], Is.EqualTo("unknown"), run.Log);
        Assert.That(Result(run)["control"]!["errorKind"]!.GetValue<string>(), Is.EqualTo("refused"));
        Assert.That(IncidentIssues(github), Is.Empty);
    }

    [Test]
    public async Task Run_ProductionRefusingWhileTheControlUrlAnswers_IsDown()
    {
        using var dir = new TemporaryDirectory();
        await using var control = await ProductionStandIn.StartAsync();
        var closed = $"http://127.0.0.1:{Bookiji.Actions.StandIns.Services.FreePort.Next()}";
        var run = await RunAsync(dir, new Dictionary<string, string>
        {
            ["target-url"] = closed, ["control-url"] = control.BaseAddress.ToString(), ["retry-delay"] = "10ms", ["dry-run"] = "true",
        });
        Assert.That(run.Outputs["status"], Is.EqualTo("down"), run.Log);
        Assert.That(Check(Result(run), "health")["errorKind"]!.GetValue<string>(), Is.EqualTo("refused"));
    }

    [Test]
    public async Task Run_MalformedUrlsAndConditions_AreInputErrorsNamingEachInputAndExit0()
    {
        using var dir = new TemporaryDirectory();
        var run = await RunAsync(dir, new Dictionary<string, string>
        {
            ["target-url"] = "www.bookiji.com/no-scheme",
            ["health-endpoint"] = "api/health",
            ["conditions"] = "[STATUS] = 200",
            ["endpoints"] = "x | ftp://host/ | [STATUS] == 200",
        });
        Assert.That(run.ExitCode, Is.EqualTo(0));
        var titles = run.Annotations("error").Select(e => e.Properties["title"]).ToList();
        Assert.That(titles, Is.SupersetOf(new[] { "watchdog: invalid input 'target-url'", "watchdog: invalid input 'health-endpoint'", "watchdog: invalid input 'conditions'" }), run.Log);
    }

    [TestCase(200, "ok")]
    [TestCase(503, "down")]
    public async Task WithoutBookingsEndpoint_OnlyHealthIsCore_ASiteWithoutABookingApiIsNotDegraded(int health, string expected)
    {
        using var dir = new TemporaryDirectory();
        await using var site = await LoopbackWebServer.StartAsync(app => app.MapGet("/api/health", () => Results.Json(new { status = "ok" }, statusCode: health)));
        await using var github = await FakeGitHubServer.StartAsync();
        var with = new Dictionary<string, string>
        {
            ["target-url"] = site.BaseAddress.ToString().TrimEnd('/'),
            ["control-url"] = site.BaseAddress.ToString(),
            ["retry-delay"] = "10ms",
            ["failure-threshold"] = "1",
        };
        var run = await RunAsync(dir, with, github);
        Assert.Multiple(() =>
        {
            Assert.That(run.Outputs["status"], Is.EqualTo(expected), run.Log);
            Assert.That(Result(run)["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "health" }), "no booking check nobody asked for");
        });
    }
}
