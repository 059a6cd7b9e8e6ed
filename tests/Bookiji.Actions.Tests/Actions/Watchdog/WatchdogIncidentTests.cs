using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.Tests.Core.Markdown;
using Bookiji.Actions.Watchdog.Incidents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Bookiji.Actions.Tests.Actions.Watchdog.WatchdogHarness;

namespace Bookiji.Actions.Tests.Actions.Watchdog;

[Category("Integration")]
[TestFixture]
public sealed class WatchdogIncidentTests
{
    [Test]
    public async Task Incident_FailuresThenRecovery_OpensOnceAfterTheThresholdIsCommentedOnChangeAndClosesAfterTheRecoveryStreak()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.BookingsFailing);
        await using var github = await FakeGitHubServer.StartAsync();
        var with = With(production, ("failure-threshold", "2"), ("success-threshold", "2"));

        var run = await RunAsync(dir, with, github);
        Assert.That(run.Outputs["status"], Is.EqualTo("degraded"), run.Log);
        Assert.That(IncidentIssues(github), Is.Empty, "one failing run is below the threshold of 2");
        Assert.That(Result(run)["failureStreak"]!.GetValue<int>(), Is.EqualTo(1));

        run = await RunAsync(dir, with, github);
        var incident = IncidentIssues(github).Single();
        Assert.That(run.Outputs["incident-number"], Is.EqualTo(incident.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(incident.Title, Is.EqualTo("[incident] Production degradation detected"));
        Assert.That(incident.Labels, Is.EquivalentTo(new[] { "incident", "watchdog" }));
        Assert.That(incident.Body, Does.Contain("**Status:** `degraded`").And.Contain("### Failed checks").And.Contain("**bookings**")
            .And.Contain("### All check results").And.Contain("Workflow run: https://github.com/bookiji/bookiji/actions/runs/9001")
            .And.Contain($"Health endpoint: {production.BaseAddress}api/health").And.Contain("### Next steps")
            .And.Contain("<!-- bookiji-watchdog-state").And.Contain("\"failureStreak\": 2"));

        run = await RunAsync(dir, with, github);
        Assert.That(IncidentIssues(github).Single().Comments, Is.Empty, "an unchanged outage is not commented every run");
        Assert.That(Result(run)["incident"]!["action"]!.GetValue<string>(), Is.EqualTo("updated"));
        Assert.That(IncidentIssues(github).Single().Body, Does.Contain("\"failureStreak\": 3"));

        production.Mode = ProductionMode.Failing;
        run = await RunAsync(dir, with, github);
        Assert.That(run.Outputs["status"], Is.EqualTo("down"));
        Assert.That(IncidentIssues(github).Single().Comments.Single(), Does.Contain("**Status:** `down`"));

        production.Mode = ProductionMode.Healthy;
        run = await RunAsync(dir, with, github);
        Assert.That(IncidentIssues(github).Single().State, Is.EqualTo("open"), "one healthy run is not yet a recovery");
        Assert.That(run.Outputs["incident-number"], Is.EqualTo(incident.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        run = await RunAsync(dir, with, github);
        var closed = IncidentIssues(github).Single();
        Assert.That(closed.State, Is.EqualTo("closed"), run.Log);
        Assert.That(closed.Comments.Last(), Does.StartWith("✅ **Recovered**").And.Contain("2 healthy run(s) in a row"));
        Assert.That(run.Outputs["incident-number"], Is.Empty);
        Assert.That(Result(run)["incident"]!["action"]!.GetValue<string>(), Is.EqualTo("closed"));
    }

    [Test]
    public async Task Incident_StateFileLost_MarkerCarriesTheStreak()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        var with = With(production, ("success-threshold", "2"));
        await RunAsync(dir, with, github);
        Assert.That(IncidentIssues(github), Has.Count.EqualTo(1));

        production.Mode = ProductionMode.Healthy;
        await RunAsync(dir, with, github);
        File.Delete(Path.Combine(dir.Combine("workspace"), ".watchdog", "state.json"));
        var run = await RunAsync(dir, with, github);
        Assert.That(IncidentIssues(github).Single().State, Is.EqualTo("closed"), "the second healthy run is known from the marker alone: " + run.Log);
    }

    [Test]
    public async Task Run_TwoConcurrentRuns_ConvergeOnOneOpenIncident()
    {
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        for (var round = 0; round < 3; round++)
        {
            using var a = new TemporaryDirectory();
            using var b = new TemporaryDirectory();
            var runs = await Task.WhenAll(RunAsync(a, With(production), github), RunAsync(b, With(production), github));
            Assert.That(IncidentIssues(github).Count(i => i.State == "open"), Is.EqualTo(1), runs[0].Log + runs[1].Log);
            Assert.That(runs.Select(r => r.Outputs["incident-number"]).Distinct().Count(), Is.EqualTo(1), "both runs report the surviving incident");
        }

        foreach (var duplicate in IncidentIssues(github).Where(i => i.State == "closed"))
        {
            Assert.That(duplicate.Comments.First(), Does.StartWith("Duplicate of #"));
        }
    }

    [Test]
    public async Task Run_StatusUnknown_LeavesAnOpenIncidentAlone()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        await RunAsync(dir, With(production), github);
        var closed = $"http://127.0.0.1:{Bookiji.Actions.StandIns.Services.FreePort.Next()}";
        var run = await RunAsync(dir, new Dictionary<string, string> { ["target-url"] = closed, ["control-url"] = closed, ["retry-delay"] = "10ms" }, github);
        Assert.That(run.Outputs["status"], Is.EqualTo("unknown"));
        Assert.That(IncidentIssues(github).Single().Comments, Is.Empty);
        Assert.That(IncidentIssues(github).Single().State, Is.EqualTo("open"));
    }

    [Test]
    public async Task Remediation_ReloadConfig_RecoversProductionAndTheKeyNeverReachesLogsResultsOrIssues()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.BrokenUntilReload);
        await using var github = await FakeGitHubServer.StartAsync();
        var run = await RunAsync(dir, With(production), github, new Dictionary<string, string> { ["ADMIN_API_KEY"] = production.AdminKey });

        Assert.That(production.Reloads, Is.EqualTo(1));
        Assert.That(run.Outputs["status"], Is.EqualTo("ok"), run.Log);
        var remediation = Result(run)["remediation"]!;
        Assert.That(remediation["statusBefore"]!.GetValue<string>(), Is.EqualTo("down"));
        Assert.That(remediation["statusAfter"]!.GetValue<string>(), Is.EqualTo("ok"));
        Assert.That(remediation["helped"]!.GetValue<bool>(), Is.True);
        Assert.That(IncidentIssues(github), Is.Empty);
        var everything = VisibleLog(run) + run.Summary + File.ReadAllText(Path.Combine(run.Workspace, "watchdog-result.json")) + File.ReadAllText(Path.Combine(run.Workspace, ".watchdog/state.json"));
        Assert.That(everything, Does.Not.Contain(production.AdminKey));
    }

    [Test]
    public async Task Remediation_ThatDoesNotHelp_IsRecordedInTheMarkerAndNotRetriedWithinTheCooldown()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        var env = new Dictionary<string, string> { ["ADMIN_API_KEY"] = production.AdminKey };
        var run = await RunAsync(dir, With(production), github, env);
        Assert.That(Result(run)["remediation"]!["helped"]!.GetValue<bool>(), Is.False);
        var incident = IncidentIssues(github).Single();
        Assert.That(incident.Body, Does.Contain("\"lastRemediationAt\"").And.Contain("it did not help"));
        Assert.That(incident.Body + string.Concat(incident.Comments), Does.Not.Contain(production.AdminKey));

        File.Delete(Path.Combine(run.Workspace, ".watchdog", "state.json"));
        run = await RunAsync(dir, With(production), github, env);
        Assert.That(production.Reloads, Is.EqualTo(1), "the marker's cooldown holds even without the state file");
        Assert.That(Result(run)["remediation"]!["skippedBecause"]!.GetValue<string>(), Does.StartWith("cooldown"));
    }

    [Test]
    public async Task Run_DryRun_PrintsTheIssueItWouldOpenAndCallsNeitherGitHubNorRemediation()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.BookingsFailing);
        await using var github = await FakeGitHubServer.StartAsync();
        var run = await RunAsync(dir, With(production, ("dry-run", "true")), github, new Dictionary<string, string> { ["ADMIN_API_KEY"] = production.AdminKey });
        Assert.That(run.Log, Does.Contain("Title: [incident] Production degradation detected").And.Contain("Labels: incident, watchdog").And.Contain("### Failed checks"));
        Assert.That(run.Summary, Does.Contain("Dry run: the text this run would post"));
        Assert.That(Result(run)["incident"]!["action"]!.GetValue<string>(), Is.EqualTo("would-open"));
        Assert.That(github.RequestLog, Is.Empty);
        Assert.That(production.Reloads, Is.EqualTo(0));
        Assert.That(File.Exists(Path.Combine(run.Workspace, ".watchdog", "state.json")), Is.False);
    }

    [Test]
    public async Task Run_InvalidGitHubToken_WarnsClearlyAndStillWritesTheResult()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        var run = await RunAsync(dir, With(production, ("github-token", "ghs_wrong")), github);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Outputs["status"], Is.EqualTo("down"));
        Assert.That(run.Annotations("warning").Select(w => w.Message), Has.Some.Contains("GitHub rejected the token (401 Bad credentials)"));
        Assert.That(run.Annotations("error"), Is.Empty, run.Log);
        Assert.That(IncidentIssues(github), Is.Empty);
    }

    [Test]
    public async Task Incident_GitHubSecondaryRateLimitsWithRetryAfter_AreHonouredAndTheIncidentStillOpens()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        github.InjectFaults(403, 1);
        github.InjectFaults(429, 1);
        var run = await RunAsync(dir, With(production), github);
        Assert.That(IncidentIssues(github), Has.Count.EqualTo(1), run.Log);
        Assert.That(run.Annotations("warning"), Is.Empty, run.Log);
    }

    [Test]
    public async Task Incident_GitHubApiAnsweringTheWrongShape_IsNotMistakenForAnOpenIncident()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync();
        await using var garbage = await LoopbackWebServer.StartAsync(app => Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapFallback(
            app, () => Microsoft.AspNetCore.Http.Results.Text("{\"status\":\"ok\"}", "application/json")));
        var gh = new Dictionary<string, string> { ["api_url"] = garbage.BaseAddress.ToString().TrimEnd('/'), ["token"] = "ghs_x" };
        for (var i = 0; i < 2; i++)
        {
            var run = await Bookiji.Actions.Runner.LocalRunner.RunAsync(new Bookiji.Actions.Runner.ActionRunRequest
            {
                ActionDirectory = RepositoryLayout.Action("watchdog"),
                Launcher = new Bookiji.Actions.Runner.InProcessLauncher(new Bookiji.Actions.Watchdog.WatchdogAction()),
                With = With(production),
                EventName = "schedule",
                GitHub = new Dictionary<string, string>(gh) { ["repository"] = WatchdogHarness.Repository },
                Workspace = dir.Combine("workspace"),
                RunDirectory = dir.Combine($"runner-{i}"),
            });
            Assert.That(Result(run)["incident"]!["action"]!.GetValue<string>(), Is.EqualTo("none"), run.Log);
            Assert.That(run.Outputs["incident-number"], Is.Empty);
        }
    }

    [Test]
    public async Task Incident_DuplicatesFoundWhileLooking_AreClosedInFavourOfTheOldestWhichGetsTheResults()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        var older = github.AddIssue(WatchdogHarness.Repository, "[incident] Production degradation detected", "opened earlier", ["incident", "watchdog"]);
        var newer = github.AddIssue(WatchdogHarness.Repository, "[incident] Production degradation detected", "opened twice", ["incident", "watchdog"]);
        var human = github.AddIssue(WatchdogHarness.Repository, "Post-mortem of last week", "notes", ["incident", "watchdog"]);
        var run = await RunAsync(dir, With(production), github);

        Assert.That(run.Outputs["incident-number"], Is.EqualTo(older.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), run.Log);
        Assert.That(newer.State, Is.EqualTo("closed"));
        Assert.That(newer.Comments.Single(), Is.EqualTo($"Duplicate of #{older.Number}: another watchdog run opened it first. Closing this one."));
        Assert.That(human.State, Is.EqualTo("open"), "an issue with another title is not the watchdog's to close");
        Assert.That(older.Comments.Single(), Does.Contain("**Status:** `down`"));
        Assert.That(older.Body, Does.StartWith("opened earlier").And.Contain("<!-- bookiji-watchdog-state"));
        Assert.That(github.RequestLog.Where(r => r.Contains("search", StringComparison.Ordinal)), Is.Empty, "never the search API");
    }

    [Test]
    public async Task IncidentOpenedBySomeoneElse_IsIgnored_AndOursIsOpened()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.BookingsFailing);
        await using var github = await FakeGitHubServer.StartAsync();
        var planted = github.AddIssue(WatchdogHarness.Repository, "[incident] Production degradation detected", "<!-- bookiji-watchdog-state\n{\"failureStreak\":0,\"successStreak\":2147483647}\n-->", ["incident", "watchdog"]);
        (planted.Author, planted.AuthorType) = ("mallory", "User");
        var run = await RunAsync(dir, With(production, ("failure-threshold", "1")), github);
        Assert.Multiple(() =>
        {
            Assert.That(run.Annotations("warning").Select(w => w.Message), Has.Some.Contains($"not opened by this token (#{planted.Number})"));
            Assert.That(planted.Comments, Is.Empty, "someone else's issue is never written to");
            Assert.That(IncidentIssues(github).Count(i => i.Author == "github-actions[bot]" && i.State == "open"), Is.EqualTo(1), "the real incident opens");
        });
    }

    [TestCase("{\"failureStreak\":-5,\"successStreak\":0}")]
    [TestCase("{\"failureStreak\":0,\"successStreak\":2147483647}")]
    [TestCase("{\"failureStreak\":1,\"updatedAt\":\"2999-01-01T00:00:00Z\"}")]
    public async Task Incident_ForgedMarkerOnOurIncident_IsIgnored(string marker)
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.BookingsFailing);
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddIssue(WatchdogHarness.Repository, "[incident] Production degradation detected", $"<!-- bookiji-watchdog-state\n{marker}\n-->", ["incident", "watchdog"]);
        var run = await RunAsync(dir, With(production, ("failure-threshold", "1")), github);
        Assert.That(run.Annotations("warning").Select(w => w.Message), Has.Some.Contains("holds values this action never writes"), run.Log);
    }

    private const string HostileStatus = "@bookiji/oncall see #1 [runbook](https://evil.example/phish)";

    /// <summary>A production whose every endpoint answers 200 with <paramref name="body"/>.</summary>
    private static Task<LoopbackWebServer> AnsweringAsync(string body) =>
        LoopbackWebServer.StartAsync(app => app.MapFallback(() => Results.Text(body, "application/json")));

    private static Dictionary<string, string> WithServer(LoopbackWebServer server, params (string Key, string Value)[] extra)
    {
        var with = new Dictionary<string, string>
        {
            ["target-url"] = server.BaseAddress.ToString().TrimEnd('/'),
            ["control-url"] = server.BaseAddress.ToString(),
            ["retries"] = "0",
            ["timeout"] = "3s",
            ["failure-threshold"] = "1",
        };
        foreach (var (key, value) in extra)
        {
            with[key] = value;
        }

        return with;
    }

    [Test]
    public async Task Incident_HostileHealthBody_IsQuotedInertlyEverywhereItIsPosted()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await AnsweringAsync($$"""{"status":"{{HostileStatus}}"}""");
        await using var github = await FakeGitHubServer.StartAsync();
        var run = await RunAsync(dir, WithServer(production, ("conditions", "[BODY].status == ok")), github);
        var incident = IncidentIssues(github).Single();
        Assert.Multiple(() =>
        {
            Assert.That(incident.Body, Does.Contain("@bookiji/oncall"), "the body still says what production answered: " + run.Log);
            Assert.That(LiveMarkdown.LiveFragments(incident.Body!, "@bookiji", "#1", "]("), Is.Empty, incident.Body);
            Assert.That(run.Summary, Does.Contain("<code>[BODY].status == ok (was &#39;@bookiji/oncall").Or.Contain("<code>[BODY].status == ok (was '@bookiji/oncall"));
        });

        // The next run comments when the findings change: the comment quotes the same way.
        await using var other = await AnsweringAsync($$"""{"status":"{{HostileStatus}} again"}""");
        var with = WithServer(production, ("conditions", "[BODY].status == ok"), ("endpoints", $"other | {other.BaseAddress}x | [BODY].status == ok"));
        await RunAsync(dir, with, github);
        var comment = IncidentIssues(github).Single().Comments.Single();
        // The comment names the incident itself ("incident #1 open"): only the upstream fragments must be inert.
        Assert.That(LiveMarkdown.LiveFragments(comment, "@bookiji", "see #1", "](https://evil"), Is.Empty, comment);
    }

    [Test]
    public async Task Incident_SentryNotConfigured_NeverSendsAnyoneToSentry()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        await RunAsync(dir, With(production), github);
        var body = IncidentIssues(github).Single().Body!;
        Assert.Multiple(() =>
        {
            Assert.That(body, Does.Not.Contain("Sentry"));
            Assert.That(body, Does.Contain("2. Look at the latest deploy"));
        });
    }

    [Test]
    public async Task Incident_Body_LinksThisProjectsDocsAbsolutelyNeverARelativeDocsPath()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await ProductionStandIn.StartAsync(ProductionMode.Failing);
        await using var github = await FakeGitHubServer.StartAsync();
        await RunAsync(dir, With(production), github);
        var body = IncidentIssues(github).Single().Body!;
        Assert.Multiple(() =>
        {
            Assert.That(RelativeDocLinks.Find(body), Is.Empty, body);
            Assert.That(body, Does.Contain(Bookiji.Actions.Core.Markdown.ProjectLinks.Doc("IMMUTABLE_DEPLOYS.md")));
        });
    }

    [Test]
    public async Task Incident_FiftyFailingEndpointsWithLongUrls_BodyIsCutWithANoticeAndTheIssueStillOpens()
    {
        using var dir = new TemporaryDirectory();
        await using var production = await AnsweringAsync("""{"status":"ok"}""");
        var endpoints = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"check-{i} | /api/{i}/{new string('a', 1500)} | [STATUS] == 204"));
        await using var github = await FakeGitHubServer.StartAsync();
        var run = await RunAsync(dir, WithServer(production, ("endpoints", endpoints)), github);
        var body = IncidentIssues(github).SingleOrDefault()?.Body;
        Assert.Multiple(() =>
        {
            Assert.That(body, Is.Not.Null, "GitHub refuses a body over 65,536 characters: " + run.Log);
            Assert.That(body!.Length, Is.LessThanOrEqualTo(FakeGitHubServer.MaxBodyChars));
            Assert.That(body, Does.Contain("This text was cut at 60,000 characters"));
            Assert.That(IncidentMarker.Read(body), Is.Not.Null, "the marker survives the cut");
            Assert.That(LiveMarkdown.OutsideCodeSpans(body), Does.Not.Contain("aaaaaaaaaa"), "no quoted URL is left open by the cut");
        });
    }
}
