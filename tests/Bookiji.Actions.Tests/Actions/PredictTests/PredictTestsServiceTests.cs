using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>predict-tests against the fake GitHub API and the fake OpenAI endpoint.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PredictTestsServiceTests
{
    private static Task<(Bookiji.Actions.StandIns.Services.GitRepo Repo, string Base, string Head)> FeatureBranchAsync(TemporaryDirectory dir, Action<Bookiji.Actions.StandIns.Services.GitRepo> change) =>
        SampleProject.FeatureBranchAsync(dir.Combine("repo"), change);

    private static List<string> Tests(Bookiji.Actions.Runner.ActionRunResult result) =>
        [.. JsonNode.Parse(result.Outputs["tests"])!.AsArray().Select(t => t!.GetValue<string>())];

    [Test]
    public async Task PullRequest_FilesComeFromTheApi_WithRenamesCountingBothPaths()
    {
        using var dir = new TemporaryDirectory();
        await using var github = await FakeGitHubServer.StartAsync();
        var (repo, baseSha, head) = await FeatureBranchAsync(dir, r => r.Write("src/search/index.ts", "export const search = () => [2];\n"));
        // The API (not git) is the source: it reports a rename whose old path the search test imports.
        var pull = github.AddPullRequest("bookiji/bookiji", p => p.Files.Add(new FakePullFile("src/search/find.ts", "renamed", "src/search/index.ts")));
        var result = await RunAsync(dir, repo.Path, eventName: "pull_request", payload: PullRequestPayload(pull.Number, baseSha, head),
            github: new() { ["api_url"] = github.ApiUrl, ["token"] = github.Token });
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "ci-plan.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(plan["changes"]!["source"]!.GetValue<string>(), Is.EqualTo($"GitHub API (PR #{pull.Number})"));
            Assert.That(Tests(result), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
            Assert.That(github.RequestLog, Has.Some.Contains($"/pulls/{pull.Number}/files"));
        });
    }

    [Test]
    public async Task PullRequest_Over3000Files_FallsBackToGitDiff_NeverASilentMiss()
    {
        using var dir = new TemporaryDirectory();
        await using var github = await FakeGitHubServer.StartAsync();
        var (repo, baseSha, head) = await FeatureBranchAsync(dir, r =>
        {
            for (var i = 0; i < 3100; i++)
            {
                r.Write($"docs/generated/page{i}.md", "x");
            }

            // The 3,101st file: beyond the API's cap, and the only one with tests.
            r.Write("src/search/index.ts", "export const search = () => [3];\n");
        });
        var pull = github.AddPullRequest("bookiji/bookiji", p => p.Files.AddRange(
            Enumerable.Range(0, 3100).Select(i => new FakePullFile($"docs/generated/page{i}.md", "added")).Append(new FakePullFile("src/search/index.ts"))));
        var result = await RunAsync(dir, repo.Path, eventName: "pull_request", payload: PullRequestPayload(pull.Number, baseSha, head),
            github: new() { ["api_url"] = github.ApiUrl, ["token"] = github.Token });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("listed 3000 of the PR's 3101 changed files"));
            Assert.That(Tests(result), Does.Contain("tests/unit/search.spec.ts"));
            Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "ci-plan.json")))!["changes"]!["files"]!.GetValue<int>(), Is.EqualTo(3101));
        });
    }

    [Test]
    public async Task PullRequest_WrongToken_FallsBackToGitDiff_WithAWarning()
    {
        using var dir = new TemporaryDirectory();
        await using var github = await FakeGitHubServer.StartAsync();
        var (repo, baseSha, head) = await FeatureBranchAsync(dir, r => r.Write("src/search/index.ts", "export const search = () => [4];\n"));
        var pull = github.AddPullRequest("bookiji/bookiji");
        var result = await RunAsync(dir, repo.Path, eventName: "pull_request", payload: PullRequestPayload(pull.Number, baseSha, head),
            github: new() { ["api_url"] = github.ApiUrl, ["token"] = "ghs_wrong_token_000000000000000000000" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("The GitHub API failed").And.Some.Contains("Bad credentials"));
            Assert.That(Tests(result), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
            Assert.That(result.Log, Does.Not.Contain("ghs_wrong_token_000000000000000000000").Or.Contains("::add-mask::ghs_wrong_token"), "the token is masked");
        });
    }

    [Test]
    public async Task OpenAi_Success_AddsATest_AndRaisesRisk_NeverDrops()
    {
        using var dir = new TemporaryDirectory();
        await using var openai = await FakeOpenAiServer.StartAsync();
        openai.EnqueueContent("""{"addTests":["tests/e2e/auth.spec.ts","tests/e2e/imaginary.spec.ts"],"risk":"high","reason":"search results include session state"}""");
        var (repo, baseSha, head) = await FeatureBranchAsync(dir, r => r.Write("src/search/index.ts", "export const search = () => [5];\n"));
        var result = await RunAsync(dir, repo.Path, with: new() { ["base-ref"] = baseSha, ["openai-api-key"] = openai.ApiKey, ["openai-base-url"] = openai.Endpoint.ToString() });
        var request = openai.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Tests(result), Is.EqualTo(new[] { "tests/e2e/auth.spec.ts", "tests/unit/search.spec.ts" }));
            Assert.That(result.Outputs["risk"], Is.EqualTo("high"));
            Assert.That(request["response_format"]!["type"]!.GetValue<string>(), Is.EqualTo("json_schema"));
            Assert.That(request["max_completion_tokens"]?.GetValue<int>() ?? request["max_tokens"]!.GetValue<int>(), Is.EqualTo(800));
            Assert.That(result.Summary, Does.Contain("ignored 1 unknown file"));
            Assert.That(result.Masks, Does.Contain(openai.ApiKey));
        });
    }

    [Test]
    public async Task OpenAi_GarbageOrTimeout_LeavesTheHeuristicPlan()
    {
        using var dir = new TemporaryDirectory();
        await using var openai = await FakeOpenAiServer.StartAsync();
        openai.EnqueueContent("this is not json");
        openai.EnqueueDelay(TimeSpan.FromSeconds(30));
        openai.EnqueueDelay(TimeSpan.FromSeconds(30));
        var (repo, baseSha, _) = await FeatureBranchAsync(dir, r => r.Write("src/search/index.ts", "export const search = () => [6];\n"));
        var with = new Dictionary<string, string> { ["base-ref"] = baseSha, ["openai-api-key"] = openai.ApiKey, ["openai-base-url"] = openai.Endpoint.ToString(), ["openai-timeout"] = "30s" };
        var garbage = await RunAsync(dir, repo.Path, with: with);

        // Only the second run needs the short deadline: on a loaded machine a 1 s bound could also cut the garbage answer.
        var timeout = await RunAsync(dir, repo.Path, with: new Dictionary<string, string>(with) { ["openai-timeout"] = "1s" });
        Assert.Multiple(() =>
        {
            Assert.That(Tests(garbage), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
            Assert.That(garbage.Annotations("warning").Select(w => w.Message), Has.Some.Contains("not JSON"));
            Assert.That(Tests(timeout), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
            Assert.That(timeout.Annotations("warning").Select(w => w.Message), Has.Some.Contains("did not answer within 1 s"));
            Assert.That(timeout.Outputs["risk"], Is.EqualTo("medium"));
        });
    }
}
