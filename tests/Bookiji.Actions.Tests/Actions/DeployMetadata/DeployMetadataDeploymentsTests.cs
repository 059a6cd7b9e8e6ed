using System.Text.Json.Nodes;
using Bookiji.Actions.DeployMetadata;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Bookiji.Actions.Tests.Actions.DeployMetadata;

/// <summary>
/// Durable records and rollback against stateful loopback fakes with the documented shapes of GitHub's Deployments
/// API (docs.github.com/rest/deployments/deployments, …/deployments/statuses) and Vercel's REST API
/// (vercel.com/docs/rest-api/deployments/list-deployments, …/projects/point-production-traffic-to-a-given-deployment).
/// </summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DeployMetadataDeploymentsTests
{
    private const string Repo = "bookiji/bookiji";
    private const string ShaA = "1111111111111111111111111111111111111111";
    private const string ShaB = "2222222222222222222222222222222222222222";
    private const string ShaC = "3333333333333333333333333333333333333333";

    private static Task<ActionRunResult> Run(FakeGitHubServer github, Dictionary<string, string> with, string sha = ShaA, string eventName = "push", Dictionary<string, string>? env = null) =>
        LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action("deploy-metadata"),
            Launcher = new InProcessLauncher(new DeployMetadataAction(), new FakeTimeProvider(new DateTimeOffset(2025, 12, 7, 10, 0, 0, TimeSpan.Zero))),
            With = with,
            Env = env ?? [],
            EventName = eventName,
            GitHub = new Dictionary<string, string> { ["sha"] = sha, ["repository"] = Repo, ["run_id"] = "77", ["api_url"] = github.ApiUrl, ["token"] = github.Token },
        });

    private static JsonObject Payload(string sha, string production = "https://www.bookiji.com") =>
        new() { ["sha"] = sha, ["previewUrl"] = null, ["productionUrl"] = production, ["createdAt"] = "2025-12-01T00:00:00Z" };

    [Test]
    public async Task Record_WithToken_CreatesAGitHubDeploymentCarryingTheRecord()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var result = await Run(github, new() { ["production-url"] = "https://www.bookiji.com" });
        var deployment = github.Deployments(Repo).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(deployment.Sha, Is.EqualTo(ShaA));
            Assert.That(deployment.Environment, Is.EqualTo("production"));
            Assert.That(deployment.Production, Is.True);
            Assert.That(deployment.Payload!["productionUrl"]!.GetValue<string>(), Is.EqualTo("https://www.bookiji.com"));
            Assert.That(deployment.Statuses.Single().State, Is.EqualTo("success"));
            Assert.That(deployment.Statuses.Single().EnvironmentUrl, Is.EqualTo("https://www.bookiji.com"));
            Assert.That(result.Outputs["deployment-id"], Is.EqualTo(deployment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(result.Outputs["created"], Is.EqualTo("true"));
        });
    }

    [Test]
    public async Task Record_SecondRunForTheSameSha_SeesTheFirstRunsDeploymentAndKeepsItsRecord()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddDeployment(Repo, ShaA, "production", Payload(ShaA));
        var result = await Run(github, new() { ["production-url"] = "https://www.bookiji.com" });
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, result.Outputs["path"])))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["created"], Is.EqualTo("false"), "a fresh workspace still sees the earlier run's record");
            Assert.That(result.Outputs["created-at"], Is.EqualTo("2025-12-01T00:00:00Z"));
            Assert.That(file["createdAt"]!.GetValue<string>(), Is.EqualTo("2025-12-01T00:00:00Z"), "the file is the record that stands");
            Assert.That(github.Deployments(Repo), Has.Count.EqualTo(1), "no second deployment for the same deploy");
        });
    }

    [Test]
    public async Task Record_ConflictingDeployOfARecordedSha_IsRefusedAcrossRuns()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddDeployment(Repo, ShaA, "production", Payload(ShaA));
        var result = await Run(github, new() { ["production-url"] = "https://elsewhere.bookiji.com" });
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, "non-blocking");
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("already records a different deploy").And.Contain("GitHub deployment"));
            Assert.That(github.Deployments(Repo), Has.Count.EqualTo(1));
            Assert.That(Directory.Exists(Path.Combine(result.Workspace, "deploy-metadata")), Is.False, "a conflicting record is not written");
        });
    }

    [Test]
    public async Task Record_DeploymentsApiFailing_WarnsAndKeepsTheFileRecord()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.InjectFaults(500, 20);
        var result = await Run(github, new() { ["production-url"] = "https://www.bookiji.com" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty);
            Assert.That(result.Annotations("warning").Single().Message, Does.Contain("Deployments API").And.Contain("file only"));
            Assert.That(File.Exists(Path.Combine(result.Workspace, result.Outputs["path"])), Is.True);
            Assert.That(result.Outputs["deployment-id"], Is.Empty);
        });
    }

    [Test]
    public async Task Record_WithoutToken_IsFileOnlyWithoutWarnings()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var result = await Run(github, new() { ["github-token"] = " ", ["production-url"] = "https://www.bookiji.com" }, env: new() { ["GITHUB_TOKEN"] = string.Empty });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("warning"), Is.Empty);
            Assert.That(github.Deployments(Repo), Is.Empty);
            Assert.That(result.Summary, Does.Contain("no github-token"));
        });
    }

    private static async Task<(FakeGitHubServer GitHub, FakeVercelServer Vercel)> History()
    {
        var github = await FakeGitHubServer.StartAsync();
        var vercel = await FakeVercelServer.StartAsync();
        var t0 = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        github.AddDeployment(Repo, ShaA, "production", Payload(ShaA), createdAt: t0);
        github.AddDeployment(Repo, ShaB, "production", Payload(ShaB), succeeded: false, createdAt: t0.AddHours(1));
        github.AddDeployment(Repo, ShaC, "production", Payload(ShaC), createdAt: t0.AddHours(2));
        vercel.AddDeployment("prj_bookiji", ShaA, t0);
        vercel.AddDeployment("prj_bookiji", ShaC, t0.AddHours(2));
        return (github, vercel);
    }

    [Test]
    public async Task Rollback_WithVercel_PromotesTheLastGoodDeploymentBeforeTheCurrentAndRecordsIt()
    {
        var (github, vercel) = await History();
        await using var _ = github;
        await using var __ = vercel;
        var result = await Run(github, new() { ["mode"] = "rollback", ["vercel-token"] = vercel.Token, ["vercel-project-id"] = "prj_bookiji", ["vercel-api-url"] = vercel.ApiUrl }, eventName: "workflow_dispatch");
        var target = github.Deployments(Repo).Single(d => d.Sha == ShaA);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["rollback"], Is.EqualTo("promoted"));
            Assert.That(result.Outputs["rollback-sha"], Is.EqualTo(ShaA), "B never succeeded, so A is the last good one before C");
            Assert.That(vercel.Production["prj_bookiji"], Does.EndWith(ShaA[..6]));
            Assert.That(vercel.RequestLog, Has.Some.StartsWith("POST /v10/projects/prj_bookiji/promote/"));
            Assert.That(target.Statuses[^1].State, Is.EqualTo("success"));
            Assert.That(target.Statuses[^1].Description, Does.Contain("Rolled back from 3333333"));
            Assert.That(github.Deployments(Repo).Single(d => d.Sha == ShaC).Statuses[^1].State, Is.EqualTo("inactive"), "GitHub marks the superseded deployment inactive");
            Assert.That(string.Join("\n", result.Log.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal))), Does.Not.Contain(vercel.Token));
        });
    }

    [Test]
    public async Task Rollback_TargetOlderThanTheNewest100VercelDeployments_IsFoundOnALaterPage()
    {
        var (github, vercel) = await History();
        await using var _ = github;
        await using var __ = vercel;
        // 150 production redeploys of C after A: A is on Vercel's second page (before, only the newest 100 were read).
        var t0 = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 150; i++)
        {
            vercel.AddDeployment("prj_bookiji", ShaC, t0.AddHours(2).AddMinutes(i + 1));
        }

        var result = await Run(github, new() { ["mode"] = "rollback", ["vercel-token"] = vercel.Token, ["vercel-project-id"] = "prj_bookiji", ["vercel-api-url"] = vercel.ApiUrl }, eventName: "workflow_dispatch");
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["rollback"], Is.EqualTo("promoted"), result.Log);
            Assert.That(vercel.Production["prj_bookiji"], Does.EndWith(ShaA[..6]));
            Assert.That(vercel.RequestLog.Count(r => r.StartsWith("GET /v6/deployments", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(vercel.RequestLog, Has.Some.Contains("&until="));
        });
    }

    [Test]
    public async Task Rollback_ToSha_WithoutVercelToken_PrintsTheStepsAndChangesNothing()
    {
        var (github, vercel) = await History();
        await using var _ = github;
        await using var __ = vercel;
        var before = github.Deployments(Repo).Sum(d => d.Statuses.Count);
        var result = await Run(github, new() { ["mode"] = "rollback", ["to-sha"] = ShaA }, eventName: "workflow_dispatch");
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["rollback"], Is.EqualTo("instructions"));
            Assert.That(result.Log, Does.Not.Contain("vercel promote https://www.bookiji.com"), "the production alias points at what is serving now");
            Assert.That(result.Log, Does.Contain($"vercel ls -m githubCommitSha={ShaA}").And.Contain("vercel promote <that-deployment-url>"));
            Assert.That(result.Summary, Does.Contain("Promote (no rebuild)"));
            Assert.That(github.Deployments(Repo).Sum(d => d.Statuses.Count), Is.EqualTo(before), "printing steps records nothing");
            Assert.That(vercel.RequestLog, Is.Empty);
        });
    }

    [Test]
    public async Task Rollback_WithoutVercelToken_PromoteStepNamesTheTargetDeploymentNotTheProductionAlias()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var t0 = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var target = Payload(ShaA);
        target["previewUrl"] = "https://bookiji-1a2b3c.vercel.app";
        github.AddDeployment(Repo, ShaA, "production", target, createdAt: t0);
        github.AddDeployment(Repo, ShaC, "production", Payload(ShaC), createdAt: t0.AddHours(1));
        var result = await Run(github, new() { ["mode"] = "rollback" }, eventName: "workflow_dispatch");
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["rollback"], Is.EqualTo("instructions"), result.Log);
            Assert.That(result.Log, Does.Contain("vercel promote https://bookiji-1a2b3c.vercel.app"));
            Assert.That(result.Summary, Does.Contain("vercel promote https://bookiji-1a2b3c.vercel.app"));
            Assert.That(result.Log + result.Summary, Does.Not.Contain("vercel promote https://www.bookiji.com"));
        });
    }

    [Test]
    public async Task Rollback_WithNoEarlierGoodDeployment_SaysSoAndOutputsNone()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddDeployment(Repo, ShaC, "production", Payload(ShaC));
        var result = await Run(github, new() { ["mode"] = "rollback" }, eventName: "schedule");
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["rollback"], Is.EqualTo("none"));
            Assert.That(result.Log, Does.Contain("no earlier successful deployment"));
        });
    }

    [Test]
    public async Task Rollback_VercelTokenWithoutProject_IsAnInputErrorNamingTheProject()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var result = await Run(github, new() { ["mode"] = "rollback", ["vercel-token"] = "tok" });
        Assert.That(result.Annotations("error").Single().Properties["title"], Is.EqualTo("deploy-metadata: invalid input 'vercel-project-id'"));
    }

    [Test]
    public async Task Rollback_AHostileRecordedUrl_NeverReachesTheLogAsACommand()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var t0 = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        github.AddDeployment(Repo, ShaA, "production", new JsonObject { ["sha"] = ShaA, ["previewUrl"] = "https://x.example\n::add-mask::hijack\n::set-output name=rollback::pwned", ["productionUrl"] = null, ["createdAt"] = "2025-12-01T00:00:00Z" }, createdAt: t0);
        github.AddDeployment(Repo, ShaC, "production", Payload(ShaC), createdAt: t0.AddHours(1));
        var result = await Run(github, new() { ["mode"] = "rollback" }, eventName: "workflow_dispatch");
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["rollback"], Is.EqualTo("instructions"));
            Assert.That(result.Log, Does.Not.Contain("::add-mask::hijack").And.Not.Contain("::set-output"));
            Assert.That(result.Masks, Does.Not.Contain("hijack"));
        });
    }

    [Test]
    public async Task Record_ADeploymentLeftWithoutItsStatus_IsRepairedSoRollbackSeesIt()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var earlier = github.AddDeployment(Repo, ShaA, "production", Payload(ShaA), succeeded: false);
        var result = await Run(github, new() { ["production-url"] = "https://www.bookiji.com" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["created"], Is.EqualTo("false"));
            Assert.That(github.Deployments(Repo).Single().Statuses.Select(s => s.State), Is.EqualTo(new[] { "success" }));
            Assert.That(github.Deployments(Repo).Single().Id, Is.EqualTo(earlier.Id));
        });
    }

    [Test]
    public async Task Record_PreviewDeployments_DoNotRetireOtherPullRequestsPreviews()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var other = github.AddDeployment(Repo, ShaB, "preview", Payload(ShaB));
        var result = await Run(github, new() { ["preview-url"] = "https://pr-9.bookiji.com" }, eventName: "pull_request");
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(github.Deployments(Repo).Single(d => d.Id == other.Id).Statuses[^1].State, Is.EqualTo("success"), "auto_inactive: false for previews");
        });
    }

    [Test]
    public async Task Rollback_ToTheShaAlreadyCurrent_IsANoOpNotAFailure()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddDeployment(Repo, ShaC, "production", Payload(ShaC));
        var result = await Run(github, new() { ["mode"] = "rollback", ["to-sha"] = ShaC }, eventName: "workflow_dispatch");
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty);
            Assert.That(result.Outputs["rollback"], Is.EqualTo("none"));
            Assert.That(result.Log, Does.Contain("already the current deployment"));
        });
    }
}
