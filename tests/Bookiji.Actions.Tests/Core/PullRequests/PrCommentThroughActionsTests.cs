using Bookiji.Actions.Core.PullRequests;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.Tests.Core.Markdown;

namespace Bookiji.Actions.Tests.Core.PullRequests;

/// <summary>pr-comment: true on two actions run concurrently through the local runner, as two jobs of one PR would.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PrCommentThroughActionsTests
{
    private const string Repo = "bookiji/bookiji";

    private static Task<ActionRunResult> Run(FakeGitHubServer github, string action, int pr, Dictionary<string, string> with, string? token = null) =>
        LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action(action),
            Launcher = new InProcessLauncher(ActionCatalog.Create(action)),
            With = new Dictionary<string, string>(with) { ["pr-comment"] = "true" },
            EventName = "pull_request",
            EventPayload = "{\"action\":\"synchronize\",\"number\":" + pr + ",\"pull_request\":{\"number\":" + pr + ",\"head\":{\"ref\":\"feature/x\",\"sha\":\"9fceb02d0ae598e95dc970b74767f19372d61af8\"}}}",
            GitHub = new Dictionary<string, string> { ["repository"] = Repo, ["api_url"] = github.ApiUrl, ["token"] = token ?? github.Token, ["sha"] = "9fceb02d0ae598e95dc970b74767f19372d61af8" },
        });

    [Test]
    public async Task PrComment_TwoConcurrentJobs_LeaveOneCommentWithBothSections()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var pr = github.AddPullRequest(Repo).Number;
        var results = await Task.WhenAll(
            Run(github, "deploy-metadata", pr, new() { ["production-url"] = "https://www.bookiji.com", ["preview-url"] = $"https://pr-{pr}.bookiji.com" }),
            Run(github, "ephemeral-env", pr, new() { ["base-url-template"] = "https://pr-{number}.bookiji.com" }));
        var comments = github.Comments(Repo, pr);
        Assert.Multiple(() =>
        {
            Assert.That(results.SelectMany(r => r.Annotations("warning")).Select(w => w.Message), Has.None.Contains("pr-comment"));
            Assert.That(comments, Has.Count.EqualTo(1));
            var sections = PrCommentBody.Sections(comments[0].Body);
            Assert.That(sections.Keys, Is.EquivalentTo(new[] { "deploy-metadata", "ephemeral-env" }));
            Assert.That(sections["ephemeral-env"], Does.Contain($"pr_{pr}").And.Contain($"https://pr-{pr}.bookiji.com"));
            Assert.That(sections["deploy-metadata"], Does.Contain("9fceb02d0ae5").And.Contain("https://www.bookiji.com"));
        });
    }

    [Test]
    public async Task DeployMetadataSection_ARecordComingBackFromGitHub_IsQuotedInertly()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var pr = github.AddPullRequest(Repo).Number;
        // The record that stands is the one stored earlier in GitHub's deployments: upstream text, whatever it holds.
        github.AddDeployment(Repo, "9fceb02d0ae598e95dc970b74767f19372d61af8", "preview", new System.Text.Json.Nodes.JsonObject
        {
            ["sha"] = "9fceb02d0ae598e95dc970b74767f19372d61af8",
            ["previewUrl"] = "https://x.example/@bookiji/oncall/see/#1/[runbook](https://evil.example/phish)",
            ["productionUrl"] = null,
            ["createdAt"] = "2025-12-01T00:00:00Z",
        });
        var result = await Run(github, "deploy-metadata", pr, new() { ["preview-url"] = $"https://pr-{pr}.bookiji.com" });
        var section = PrCommentBody.Sections(github.Comments(Repo, pr).Single().Body)["deploy-metadata"];
        Assert.Multiple(() =>
        {
            Assert.That(section, Does.Contain("@bookiji/oncall"), result.Log);
            Assert.That(LiveMarkdown.LiveFragments(section, "@bookiji", "#1", "]("), Is.Empty, section);
        });
    }

    [Test]
    public async Task PrComment_ForkWithReadOnlyToken_GetsAWarningNotAFailure()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var pr = github.AddPullRequest(Repo).Number;
        // The job's token is not one the server accepts for writing (as a fork's read-only token).
        var result = await Run(github, "deploy-metadata", pr, new() { ["production-url"] = "https://www.bookiji.com", ["record-deployment"] = "false" }, token: "ghs_read_only_fork_token_000000000000000");
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty);
            Assert.That(result.Annotations("warning").Single().Message, Does.Contain("pull-requests: write"));
            Assert.That(result.Outputs["created"], Is.EqualTo("true"), "the record itself is unaffected");
        });
    }
}
