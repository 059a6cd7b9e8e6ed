using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Core.Context;

[Category("Integration")]
[TestFixture]
public sealed class GitHubContextTests
{
    [Test]
    public void From_PullRequestEvent_ReadsNumberShasAndBranch()
    {
        using var dir = new TemporaryDirectory();
        var eventPath = dir.WriteFile("event.json", """
            {"action":"synchronize","number":123,
             "pull_request":{"number":123,"head":{"ref":"feature/booking","sha":"1111111111111111111111111111111111111111"},
                             "base":{"ref":"main","sha":"2222222222222222222222222222222222222222"}},
             "repository":{"full_name":"octo/app"}}
            """);
        var context = GitHubContext.From(new ActionEnvironment(new Dictionary<string, string>
        {
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_SHA"] = "3333333333333333333333333333333333333333",
            ["GITHUB_RUN_ID"] = "42",
            ["GITHUB_API_URL"] = "http://127.0.0.1:9/api/v3",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(context.PullRequestNumber, Is.EqualTo(123));
            Assert.That(context.IssueNumber, Is.EqualTo(123));
            Assert.That(context.PayloadAction, Is.EqualTo("synchronize"));
            Assert.That(context.PullRequestHeadSha, Is.EqualTo("1111111111111111111111111111111111111111"));
            Assert.That(context.PullRequestBaseSha, Is.EqualTo("2222222222222222222222222222222222222222"));
            Assert.That(context.Branch, Is.EqualTo("feature/booking"));
            Assert.That(context.Repository, Is.EqualTo(new RepositoryRef("octo", "app")), "falls back to the payload's repository");
            Assert.That(context.ApiUrl, Is.EqualTo("http://127.0.0.1:9/api/v3"));
            Assert.That(context.RunUrl, Is.EqualTo("https://github.com/octo/app/actions/runs/42"));
            Assert.That(context.PayloadProblem, Is.Null);
        });
    }

    [Test]
    public void From_MissingEventFile_ReportsProblemAndEmptyPayload()
    {
        var context = GitHubContext.From(new ActionEnvironment(new Dictionary<string, string> { ["GITHUB_EVENT_PATH"] = "/nope/event.json" }));
        Assert.Multiple(() =>
        {
            Assert.That(context.PayloadProblem, Is.EqualTo("GITHUB_EVENT_PATH /nope/event.json does not exist"));
            Assert.That(context.Payload, Is.Empty);
            Assert.That(context.ApiUrl, Is.EqualTo(GitHubContext.DefaultApiUrl));
        });
    }

    [Test]
    public void From_InvalidJson_ReportsProblem()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.WriteFile("event.json", "{not json");
        var context = GitHubContext.From(new ActionEnvironment(new Dictionary<string, string> { ["GITHUB_EVENT_PATH"] = path }));
        Assert.That(context.PayloadProblem, Does.Contain("is not valid JSON"));
    }

    [Test]
    public void Branch_OnPush_IsTheBranchName()
    {
        var context = GitHubContext.From(new ActionEnvironment(new Dictionary<string, string> { ["GITHUB_REF"] = "refs/heads/release/1.2" }));
        Assert.That(context.Branch, Is.EqualTo("release/1.2"));
    }

    [TestCase("octo/app", true)]
    [TestCase("octo", false)]
    [TestCase("a/b/c", false)]
    [TestCase("", false)]
    public void RepositoryRef_TryParseText_AcceptsOnlyOwnerSlashName(string text, bool valid) => Assert.That(RepositoryRef.TryParse(text) is not null, Is.EqualTo(valid));
}
