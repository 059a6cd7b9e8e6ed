using Bookiji.Actions.PredictTests.Impact;
using Bookiji.Actions.PredictTests.Impact.Results;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact.Results;

[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TestResultsReaderTests
{
    private static readonly RepositoryPaths Paths = new(["src/a.test.ts", "src/b.test.ts", "e2e/c.spec.ts"], ["/w"]);

    [Test]
    public async Task Read_JUnitWithFailuresAndReruns_GivesEachFilesWorstOutcome()
    {
        using var dir = new TemporaryDirectory();
        var report = dir.WriteFile("junit.xml", """
            <testsuites>
              <testsuite name="src/a.test.ts"><testcase classname="src/a.test.ts" name="x"/><testcase classname="src/a.test.ts" name="y"><failure message="boom"/></testcase></testsuite>
              <testsuite name="src/b.test.ts"><testcase classname="src/b.test.ts" name="z"><flakyFailure message="once"/></testcase></testsuite>
              <testsuite name="gone.test.ts"><testcase classname="gone.test.ts" name="w"/></testsuite>
            </testsuites>
            """);

        var (outcomes, problems) = await TestResultsReader.ReadAsync([report], Paths, CancellationToken.None);

        Assert.That(outcomes, Is.EquivalentTo(new Dictionary<string, TestOutcome> { ["src/a.test.ts"] = TestOutcome.Failed, ["src/b.test.ts"] = TestOutcome.Flaky }));
        Assert.That(problems, Has.Some.Contain("1 result(s) name no file"));
    }

    [Test]
    public async Task Read_JestJsonWithRetries_MarksThePassingRetriedFileFlaky()
    {
        using var dir = new TemporaryDirectory();
        var report = dir.WriteFile("jest.json", """
            {"testResults":[
              {"name":"/w/src/a.test.ts","status":"passed","assertionResults":[{"status":"passed","invocations":2,"retryReasons":["timeout"]}]},
              {"name":"/w/src/b.test.ts","status":"failed","assertionResults":[{"status":"failed"}]}]}
            """);

        var (outcomes, _) = await TestResultsReader.ReadAsync([report], Paths, CancellationToken.None);

        Assert.That(outcomes["src/a.test.ts"], Is.EqualTo(TestOutcome.Flaky));
        Assert.That(outcomes["src/b.test.ts"], Is.EqualTo(TestOutcome.Failed));
    }

    [Test]
    public async Task Read_PlaywrightJson_ReadsTestStatuses()
    {
        using var dir = new TemporaryDirectory();
        var report = dir.WriteFile("pw.json", """
            {"config":{"rootDir":"/w/e2e"},"suites":[{"file":"c.spec.ts","specs":[{"tests":[{"status":"flaky","results":[{"duration":5}]}]}]}]}
            """);

        var (outcomes, _) = await TestResultsReader.ReadAsync([report], Paths, CancellationToken.None);

        Assert.That(outcomes["e2e/c.spec.ts"], Is.EqualTo(TestOutcome.Flaky));
    }

    [Test]
    public async Task Read_GarbageAndEntities_AreProblemsNotCrashes()
    {
        using var dir = new TemporaryDirectory();
        var garbage = dir.WriteFile("garbage.json", "{ not json");
        var bomb = dir.WriteFile("bomb.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><testsuites>&a;</testsuites>");

        var (outcomes, problems) = await TestResultsReader.ReadAsync([garbage, bomb, dir.Combine("missing.xml")], Paths, CancellationToken.None);

        Assert.That(outcomes, Is.Empty);
        Assert.That(problems, Has.Count.EqualTo(3));
    }
}
