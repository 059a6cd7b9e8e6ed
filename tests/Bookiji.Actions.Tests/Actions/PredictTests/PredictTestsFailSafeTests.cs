using Bookiji.Actions.StandIns;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>predict-tests must always leave a plan: bad files, broken repositories and invalid inputs end in a run-all plan with the reason.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PredictTestsFailSafeTests
{
    private static async Task<Bookiji.Actions.StandIns.Services.GitRepo> ChangedSearchAsync(TemporaryDirectory dir)
    {
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("src/search/index.ts", "export const search = () => [7];\n");
        await repo.CommitAllAsync("search");
        return repo;
    }

    /// <summary>Plans the search change with a JUnit durations report; the plan must stand and select the search test.</summary>
    private static async Task<(Bookiji.Actions.StandIns.Services.GitRepo Repo, Bookiji.Actions.Runner.ActionRunResult Result)> PlanWithJUnitAsync(TemporaryDirectory dir, string junit)
    {
        var repo = await ChangedSearchAsync(dir);
        repo.Write("reports/junit.xml", junit);
        var result = await RunAsync(dir, repo.Path, with: new() { ["durations"] = "reports/junit.xml" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }));
        });
        return (repo, result);
    }

    private static void AssertRunAllPlan(Bookiji.Actions.Runner.ActionRunResult result, string workspace, string reason)
    {
        var plan = Plan(workspace);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs.Keys, Is.SupersetOf(PlanOutputs), result.Log);
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"));
            // Fail closed: nobody is quarantined or named flaky by a plan that fell back to everything.
            Assert.That(result.Outputs.GetValueOrDefault("flaky-tests"), Is.EqualTo("[]"), result.Log);
            Assert.That(result.Outputs.GetValueOrDefault("quarantined-tests"), Is.EqualTo("[]"), result.Log);
            Assert.That(plan["runAll"]!.GetValue<bool>(), Is.True);
            Assert.That(plan["runAllReasons"]![0]!.GetValue<string>(), Does.Contain(reason));
            Assert.That(result.Summary, Does.Contain(System.Net.WebUtility.HtmlEncode(reason)));
            Assert.That(result.ExitCode, Is.Zero, "non-blocking");
        });
    }

    [Test]
    public async Task DurationsReport_OneFileSpelledTwice_StillPlans()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await PlanWithJUnitAsync(dir, """
            <testsuites>
              <testsuite name="tests/unit/search.spec.ts"><testcase name="a" time="12"/></testsuite>
              <testsuite name="./tests/unit/search.spec.ts"><testcase name="b" time="3"/></testsuite>
            </testsuites>
            """);
        Assert.That(Plan(repo.Path)["shards"]![0]!["estimatedSeconds"]!.GetValue<double>(), Is.EqualTo(15));
    }

    [Test]
    public async Task DurationsReport_SumsReachingInfinity_AreDropped_AndThePlanStands()
    {
        using var dir = new TemporaryDirectory();
        var (_, result) = await PlanWithJUnitAsync(dir, """
            <testsuites>
              <testsuite name="tests/unit/search.spec.ts"><testcase name="a" time="1e308"/><testcase name="b" time="1e308"/></testsuite>
              <testsuite name="tests/unit/format.spec.ts"><testcase name="c" time="4"/></testsuite>
            </testsuites>
            """);
        Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("1 test file(s) have durations outside"));
    }

    [Test]
    public async Task TestMap_WithAByteOrderMark_IsUsed()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        File.WriteAllText(Path.Combine(repo.Path, "tests/config/test-map.json"), SampleProject.TestMap, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await repo.CommitAllAsync("map with BOM");
        repo.Write("src/auth/session.ts", "export const session = 1;\n");
        await repo.CommitAllAsync("auth");
        var result = await RunAsync(dir, repo.Path, with: new() { ["high-risk-run-all"] = "false" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"), result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/e2e/auth.spec.ts" }));
        });
    }

    [Test]
    public async Task TestMap_Over2MB_IsRead_AndOverTheBound_IsCalledTooLarge()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        var padding = string.Join(",", Enumerable.Range(0, 60_000).Select(i => $"\"tests/none/padding-{i:D6}.spec.ts\""));
        repo.Write("tests/config/test-map.json", SampleProject.TestMap.TrimEnd().TrimEnd('}') + $", \"padding\": [{padding}] }}");
        await repo.CommitAllAsync("big map");
        repo.Write("src/auth/session.ts", "export const session = 2;\n");
        await repo.CommitAllAsync("auth");
        Assert.That(new FileInfo(Path.Combine(repo.Path, "tests/config/test-map.json")).Length, Is.GreaterThan(2 * 1024 * 1024));
        var big = await RunAsync(dir, repo.Path, with: new() { ["high-risk-run-all"] = "false" });
        repo.Write("tests/config/huge.json", new string(' ', 9 * 1024 * 1024) + "{}");
        var huge = await RunAsync(dir, repo.Path, with: new() { ["test-map"] = "tests/config/huge.json" });
        Assert.Multiple(() =>
        {
            Assert.That(SelectedTests(big), Is.EqualTo(new[] { "tests/e2e/auth.spec.ts" }), big.Log);
            Assert.That(huge.Outputs["run-all"], Is.EqualTo("true"));
            Assert.That(huge.Annotations("warning").Select(w => w.Message), Has.Some.Contains("bytes are not read"));
            Assert.That(huge.Annotations("warning").Select(w => w.Message), Has.None.Contains("missing"));
        });
    }

    [Test]
    public async Task AnythingFailingInside_LeavesARunAllPlan_BeforeTheError()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ChangedSearchAsync(dir);
        File.WriteAllText(Path.Combine(repo.Path, ".git", "index"), "corrupt index");
        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            AssertRunAllPlan(result, repo.Path, "ls-files failed");
            Assert.That(result.Annotations("error"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task InvalidInputs_StillLeaveARunAllPlan_NamingTheInput()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ChangedSearchAsync(dir);
        var result = await RunAsync(dir, repo.Path, with: new() { ["max-shards"] = "99" });
        Assert.Multiple(() =>
        {
            AssertRunAllPlan(result, repo.Path, "Input 'max-shards' must be a whole number from 1 to 16");
            Assert.That(result.Annotations("error").Single().Properties["title"], Does.Contain("invalid input 'max-shards'"));
            Assert.That(SelectedTests(result), Is.Empty, "no test was listed before the failure: the consumer runs its whole suite");
        });
    }

    [Test]
    public async Task WorkingDirectoryRoot_IsAClearInputError_NotAnAccessDenied()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ChangedSearchAsync(dir);
        var result = await RunAsync(dir, repo.Path, with: new() { ["working-directory"] = "/" });
        var error = result.Annotations("error").Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Properties["title"], Does.Contain("invalid input 'working-directory'"));
            Assert.That(error.Message, Does.Contain("must stay inside the workspace"));
            Assert.That(result.Log, Does.Not.Contain("UnauthorizedAccess"));
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"));
            Assert.That(result.Outputs.GetValueOrDefault("flaky-tests"), Is.EqualTo("[]"), "fail closed on an input error too");
            Assert.That(result.Outputs.GetValueOrDefault("quarantined-tests"), Is.EqualTo("[]"), "fail closed on an input error too");
        });
    }

    [Test]
    public async Task BracedTestPatterns_AreExpanded_NotSilentlyEmpty()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ChangedSearchAsync(dir);
        var result = await RunAsync(dir, repo.Path, with: new() { ["test-patterns"] = "**/*.{spec,test}.ts" });
        var unbalanced = await RunAsync(dir, repo.Path, with: new() { ["test-patterns"] = "**/*.{spec,test.ts" });
        Assert.Multiple(() =>
        {
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/unit/search.spec.ts" }), result.Log);
            Assert.That(Plan(repo.Path)["runAll"]!.GetValue<bool>(), Is.True, "the second run's plan");
            Assert.That(unbalanced.Annotations("error").Single().Message, Does.Contain("'{' without its '}'"));
        });
    }

    [Test]
    public async Task Summary_NoTestSelected_SaysSo_WithoutAnEmptyTable()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("docs/guide.md", "# Guide\nMore.\n");
        await repo.CommitAllAsync("docs");
        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["tests"], Is.EqualTo("[]"));
            Assert.That(result.Summary, Does.Contain("No test is selected"));
            Assert.That(result.Summary, Does.Not.Contain("Selected test"));
        });
    }

    [Test]
    public async Task Summary_RunAllReason_AppearsOnce()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ChangedSearchAsync(dir);
        repo.Write("tests/config/test-map.json", "{\"auth\": 5}");
        var result = await RunAsync(dir, repo.Path);
        var reason = "feature &#39;auth&#39; must be an array";
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"));
            Assert.That(System.Text.RegularExpressions.Regex.Matches(result.Summary, System.Text.RegularExpressions.Regex.Escape(reason)), Has.Count.EqualTo(1), result.Summary);
        });
    }

    [Test]
    public async Task Log_LongPhases_AreGrouped()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ChangedSearchAsync(dir);
        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Commands.Where(c => c.Command == "group").Select(c => c.Message), Has.Some.Contains("Collecting changed files").And.Some.Contains("import graph"));
            Assert.That(result.Commands.Count(c => c.Command == "group"), Is.EqualTo(result.Commands.Count(c => c.Command == "endgroup")));
        });
    }
}
