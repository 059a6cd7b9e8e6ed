using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>predict-tests through the local runner on real git repositories (git diff path).</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PredictTestsGitTests
{
    [Test]
    public async Task Push_RegularChange_WritesTheBriefsPlan_AndOutputs()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("src/lib/date.ts", "export const today = () => new Date(0);\n");
        await repo.CommitAllAsync("date change");
        var result = await RunAsync(dir, repo.Path);
        var plan = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "ci-plan.json")))!;
        var expected = new[] { "tests/e2e/booking-flow.spec.ts", "tests/e2e/booking-reschedule.spec.ts" };
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(plan.Select(p => p.Key).Take(3), Is.EqualTo(new[] { "risk", "tests", "shardCount" }));
            Assert.That(plan["risk"]!.GetValue<string>(), Is.EqualTo("medium"));
            Assert.That(plan["tests"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(expected));
            Assert.That(plan["shardCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(result.Outputs["risk"], Is.EqualTo("medium"));
            Assert.That(JsonNode.Parse(result.Outputs["tests"])!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(expected));
            Assert.That(result.Outputs["test-glob"], Is.EqualTo("{tests/e2e/booking-flow.spec.ts,tests/e2e/booking-reschedule.spec.ts}"));
            Assert.That(result.Outputs["shard-count"], Is.EqualTo("2"));
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"));
            Assert.That(JsonNode.Parse(result.Outputs["shard-matrix"])!["include"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(result.Summary, Does.Contain("imports src/booking/reschedule.ts → src/booking/create.ts → src/lib/date.ts"));
            Assert.That(result.Summary, Does.Contain("Skipped: 4 test(s)").And.Contain("<code>tests/e2e/auth.spec.ts</code>"), "the summary names what it skipped");
            Assert.That(plan["skippedCount"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(plan["changes"]!["source"]!.GetValue<string>(), Does.StartWith("git diff"));
        });
    }

    [Test]
    public async Task Push_AliasImport_SelectsTheUnitTest_AndPaymentsFeature()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("src/utils/format.ts", "export const money = (n: number) => n.toFixed(3);\n");
        await repo.CommitAllAsync("format");
        var result = await RunAsync(dir, repo.Path);
        Assert.That(JsonNode.Parse(result.Outputs["tests"])!.AsArray().Select(t => t!.GetValue<string>()),
            Is.EqualTo(new[] { "tests/e2e/payment-errors.spec.ts", "tests/unit/format.spec.ts" }), "via tsconfig paths @/*, directly and through src/payments/charge.ts");
    }

    [Test]
    public async Task ChangedSnapshot_SelectsItsTest_InsteadOfRunningEverything()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("tests/unit/__snapshots__/format.spec.ts.snap", "exports[`money 1`] = `\"1.00\"`;\n");
        await repo.CommitAllAsync("snapshot");
        repo.Write("tests/unit/__snapshots__/format.spec.ts.snap", "exports[`money 1`] = `\"1.000\"`;\n");
        await repo.CommitAllAsync("snapshot update");
        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"), result.Log);
            Assert.That(JsonNode.Parse(result.Outputs["tests"])!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "tests/unit/format.spec.ts" }));
        });
    }

    [Test]
    public async Task Lockfile_RunsEverything_WithTheReason()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("package-lock.json", "{}");
        await repo.CommitAllAsync("deps");
        var result = await RunAsync(dir, repo.Path);
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "ci-plan.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"));
            Assert.That(result.Outputs["test-glob"], Is.EqualTo("**/*.{spec,test}.{ts,tsx,js,jsx}"));
            Assert.That(plan["tests"]!.AsArray(), Has.Count.EqualTo(6), "all six test files");
            Assert.That(plan["runAllReasons"]![0]!.GetValue<string>(), Does.StartWith("package-lock.json: matches always-run-all"));
        });
    }

    [Test]
    public async Task DocsOnly_IsLowRisk_OneShard_NoTests()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("docs/guide.md", "# Guide\nMore words.\n");
        await repo.CommitAllAsync("docs");
        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["risk"], Is.EqualTo("low"));
            Assert.That(result.Outputs["shard-count"], Is.EqualTo("1"));
            Assert.That(result.Outputs["tests"], Is.EqualTo("[]"));
            Assert.That(result.Outputs["test-glob"], Is.Empty);
        });
    }

    [Test]
    public async Task PredictiveOff_Env_RunsEverything()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        var result = await RunAsync(dir, repo.Path, env: new() { ["CI_PREDICTIVE_OFF"] = "true" });
        Assert.That(result.Outputs["run-all"], Is.EqualTo("true"));
    }

    [Test]
    public async Task MissingMap_PlansFromTheImportGraph_MalformedMap_RunsEverything()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("src/lib/date.ts", "export const today = 1;\n");
        await repo.CommitAllAsync("x");
        var missing = await RunAsync(dir, repo.Path, with: new() { ["test-map"] = "nope/map.json" });
        repo.Write("tests/config/test-map.json", "{\"auth\": 5}");
        var malformed = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(missing.Outputs["run-all"], Is.EqualTo("false"), missing.Log);
            Assert.That(JsonNode.Parse(missing.Outputs["tests"])!.AsArray().Select(t => t!.GetValue<string>()),
                Is.EqualTo(new[] { "tests/e2e/auth.spec.ts", "tests/e2e/booking-flow.spec.ts", "tests/e2e/booking-reschedule.spec.ts" }),
                "the importing tests, found without a map, and auth.spec, which imports nothing: never skipped silently while its package changes");
            Assert.That(missing.Summary, Does.Contain("import none of the sources"));
            Assert.That(missing.Summary, Does.Contain("no test map at nope/map.json"));
            Assert.That(malformed.Outputs["run-all"], Is.EqualTo("true"));
            Assert.That(malformed.Annotations("warning").Select(w => w.Message), Has.Some.Contains("feature 'auth' must be an array"));
            Assert.That(malformed.ExitCode, Is.Zero);
        });
    }

    [Test]
    public async Task Plan_PathsWithSpacesNewlinesAndBadBytes_AreReadIntact()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("docs/with space.md", "x").Write("docs/new\nline.md", "y");
        await CliWrap.Cli.Wrap("bash").WithArguments(["-c", "printf z > docs/$'\\xff'.md"]).WithWorkingDirectory(repo.Path).ExecuteAsync();
        await repo.CommitAllAsync("odd names");
        var result = await RunAsync(dir, repo.Path);
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "ci-plan.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(plan["changes"]!["files"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(result.Outputs["risk"], Is.EqualTo("low"));
        });
    }

    [Test]
    public async Task ShallowClone_IsDeepenedFromOrigin_InsteadOfFailing()
    {
        using var dir = new TemporaryDirectory();
        var (origin, baseSha) = await SampleProject.CreateAsync(dir.Combine("origin"));
        for (var i = 0; i < 3; i++)
        {
            origin.Write($"docs/n{i}.md", "x");
            await origin.CommitAllAsync($"main {i}");
        }

        await origin.GitAsync("checkout", "-q", "-b", "feature", baseSha);
        origin.Write("src/search/index.ts", "export const search = () => [1];\n");
        var head = await origin.CommitAllAsync("feature change");
        var clone = new GitRepo(dir.Combine("clone"));
        await new GitRepo(dir.Path).GitAsync("clone", "-q", "--depth", "1", "--branch", "feature", "file://" + origin.Path, clone.Path);
        var result = await RunAsync(dir, clone.Path, eventName: "pull_request", payload: PullRequestPayload(5, await origin.GitAsync("rev-parse", "main"), head));
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(JsonNode.Parse(result.Outputs["tests"])!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
            Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("Shallow clone"));
        });
    }

    [Test]
    public async Task Plan_DurationHistory_BalancesShards()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("src/lib/date.ts", "export const today = 2;\n");
        await repo.CommitAllAsync("x");
        // The report is a CI artifact, not part of the change.
        repo.Write("reports/junit.xml", """
            <testsuites>
              <testsuite name="tests/e2e/booking-flow.spec.ts"><testcase name="a" time="120"/></testsuite>
              <testsuite name="tests/e2e/booking-reschedule.spec.ts"><testcase name="b" time="30"/></testsuite>
            </testsuites>
            """);
        var result = await RunAsync(dir, repo.Path, with: new() { ["durations"] = "reports/junit.xml" });
        var shards = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "ci-plan.json")))!["shards"]!.AsArray();
        Assert.That(shards.Select(s => s!["estimatedSeconds"]!.GetValue<double>()), Is.EquivalentTo(new[] { 120.0, 30.0 }));
    }

    [Test]
    public async Task Plan_TenThousandChangedFiles_ArePlannedWithoutArgumentLimits()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        for (var i = 0; i < 10_000; i++)
        {
            repo.Write($"docs/generated/p{i}.md", "x");
        }

        repo.Write("src/search/index.ts", "export const search = () => [9];\n");
        await repo.CommitAllAsync("huge");
        var result = await RunAsync(dir, repo.Path);
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "ci-plan.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(plan["changes"]!["files"]!.GetValue<int>(), Is.EqualTo(10_001));
            Assert.That(JsonNode.Parse(result.Outputs["tests"])!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
        });
    }
}
