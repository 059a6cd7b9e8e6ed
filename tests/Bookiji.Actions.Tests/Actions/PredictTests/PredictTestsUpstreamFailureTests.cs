using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.StandIns.Services;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>The optional upstreams (GitHub API, OpenAI) fail in every way; the plan never does.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PredictTestsUpstreamFailureTests
{
    private static Task<(GitRepo Repo, string Base, string Head)> FeatureBranchAsync(TemporaryDirectory dir) =>
        SampleProject.FeatureBranchAsync(dir.Combine("repo"), r => r.Write("src/search/index.ts", "export const search = () => [8];\n"));

    [Test]
    public async Task OpenAi_ConnectionRefused_LeavesTheHeuristicPlan_WithTheReason()
    {
        using var dir = new TemporaryDirectory();
        var (repo, baseSha, _) = await FeatureBranchAsync(dir);
        var closed = $"http://127.0.0.1:{FreePort.Next()}/v1";
        var result = await RunAsync(dir, repo.Path, with: new() { ["base-ref"] = baseSha, ["openai-api-key"] = "sk-test-refused", ["openai-base-url"] = closed, ["openai-timeout"] = "10s" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
            Assert.That(System.Text.RegularExpressions.Regex.Matches(result.Summary, "Model refinement not used: the model call failed"), Has.Count.EqualTo(1), result.Summary);
            Assert.That(Plan(repo.Path)["llm"]!.GetValue<string>(), Does.Contain("the heuristic plan stands"));
        });
    }

    [Test]
    public async Task OpenAi_ConnectionReset_LeavesTheHeuristicPlan()
    {
        using var dir = new TemporaryDirectory();
        await using var openai = await FakeOpenAiServer.StartAsync();
        openai.EnqueueReset();
        openai.EnqueueReset();
        openai.EnqueueReset();
        var (repo, baseSha, _) = await FeatureBranchAsync(dir);
        var result = await RunAsync(dir, repo.Path, with: new() { ["base-ref"] = baseSha, ["openai-api-key"] = openai.ApiKey, ["openai-base-url"] = openai.Endpoint.ToString(), ["openai-timeout"] = "10s" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
            Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("Model refinement not used"));
        });
    }

    [TestCase("garbage")]
    [TestCase("wrong-shape")]
    [TestCase("hang")]
    public async Task GitHubApi_Broken_FallsBackToGitDiff_WithinTheBound(string fault)
    {
        using var dir = new TemporaryDirectory();
        await using var github = await FakeGitHubServer.StartAsync();
        var (repo, baseSha, head) = await FeatureBranchAsync(dir);
        var pull = github.AddPullRequest("bookiji/bookiji", p => p.Files.Add(new FakePullFile("src/search/index.ts")));
        switch (fault)
        {
            case "garbage":
                github.InjectGarbage(count: 10);
                break;
            case "wrong-shape":
                github.InjectWrongShape(count: 10);
                break;
            default:
                github.InjectHang(count: 10);
                break;
        }

        var result = await RunAsync(dir, repo.Path, with: new() { ["github-timeout"] = "2s" }, eventName: "pull_request",
            payload: PullRequestPayload(pull.Number, baseSha, head), github: new() { ["api_url"] = github.ApiUrl, ["token"] = github.Token });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(Plan(repo.Path)["changes"]!["source"]!.GetValue<string>(), Does.StartWith("git diff"));
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
            Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("using git diff instead"));
            Assert.That(github.RequestLog, Is.Not.Empty, "the API was tried");
        });
    }

    [Test]
    public async Task GitHubApi_RedirectToAnotherOrigin_IsNotFollowed_TheTokenStaysHome()
    {
        using var dir = new TemporaryDirectory();
        await using var github = await FakeGitHubServer.StartAsync();
        await using var elsewhere = await RecordingServer.StartAsync();
        var (repo, baseSha, head) = await FeatureBranchAsync(dir);
        var pull = github.AddPullRequest("bookiji/bookiji", p => p.Files.Add(new FakePullFile("src/search/index.ts")));
        github.InjectRedirect(elsewhere.BaseAddress, count: 10);
        var result = await RunAsync(dir, repo.Path, eventName: "pull_request",
            payload: PullRequestPayload(pull.Number, baseSha, head), github: new() { ["api_url"] = github.ApiUrl, ["token"] = github.Token });
        Assert.Multiple(() =>
        {
            Assert.That(elsewhere.Count, Is.Zero, "nothing, and so no Authorization header, reached the other origin");
            Assert.That(Plan(repo.Path)["changes"]!["source"]!.GetValue<string>(), Does.StartWith("git diff"));
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
        });
    }
}
