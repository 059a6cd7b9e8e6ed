using Bookiji.Actions.PredictTests.Durations;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Durations;

[Category("Integration")]
[TestFixture]
public sealed class DurationReaderTests
{
    [Test]
    public async Task Read_PlaywrightJson_SumsResultsPerFile()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.WriteFile("report.json", """
            { "config": { "rootDir": "tests/e2e" },
              "suites": [
                { "file": "booking.spec.ts", "specs": [ { "tests": [ { "results": [ { "duration": 1500 }, { "duration": 500 } ] } ] } ],
                  "suites": [ { "specs": [ { "tests": [ { "results": [ { "duration": 1000 } ] } ] } ] } ] },
                { "file": "auth.spec.ts", "specs": [ { "tests": [ { "results": [ { "duration": 250 } ] } ] } ] } ] }
            """);
        var (durations, problem) = await DurationReader.ReadAsync(path, dir.Path, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(durations["tests/e2e/booking.spec.ts"], Is.EqualTo(3.0));
            Assert.That(durations["tests/e2e/auth.spec.ts"], Is.EqualTo(0.25));
        });
    }

    [Test]
    public async Task Read_JUnit_SumsTestcaseTimesPerFile()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.WriteFile("junit.xml", """
            <testsuites><testsuite name="tests/a.spec.ts"><testcase name="x" time="1.5"/><testcase name="y" time="0.5"/></testsuite>
            <testsuite name="suite"><testcase name="z" file="tests/b.spec.ts" time="2"/></testsuite></testsuites>
            """);
        var (durations, _) = await DurationReader.ReadAsync(path, dir.Path, CancellationToken.None);
        Assert.That(durations, Is.EquivalentTo(new Dictionary<string, double> { ["tests/a.spec.ts"] = 2, ["tests/b.spec.ts"] = 2 }));
    }

    [Test]
    public async Task Read_MissingOrGarbage_IsAProblem()
    {
        using var dir = new TemporaryDirectory();
        var missing = await DurationReader.ReadAsync(dir.Combine("none.json"), dir.Path, CancellationToken.None);
        var garbage = await DurationReader.ReadAsync(dir.WriteFile("bad.json", "{nope"), dir.Path, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(missing.Problem, Does.Contain("does not exist"));
            Assert.That(garbage.Problem, Does.Contain("neither a Playwright JSON nor a JUnit XML"));
        });
    }

    [Test]
    public async Task Read_OneFileSpelledTwice_IsSummedUnderOneKey()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.WriteFile("junit.xml", """
            <testsuites><testsuite name="a.spec.ts"><testcase name="x" time="1.5"/></testsuite>
            <testsuite name="./a.spec.ts"><testcase name="y" time="2"/></testsuite></testsuites>
            """);
        var (durations, problem) = await DurationReader.ReadAsync(path, dir.Path, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(durations, Is.EquivalentTo(new Dictionary<string, double> { ["a.spec.ts"] = 3.5 }));
            Assert.That(problem, Is.Null);
        });
    }

    [Test]
    public void Totals_InfiniteOrHugeSums_AreDroppedAndCounted()
    {
        var (durations, problem) = DurationReader.Totals(
            [("a.spec.ts", 1e308), ("a.spec.ts", 1e308), ("b.spec.ts", double.NaN), ("c.spec.ts", -1), ("d.spec.ts", 2)], "/repo", "report.json");
        Assert.Multiple(() =>
        {
            Assert.That(durations, Is.EquivalentTo(new Dictionary<string, double> { ["d.spec.ts"] = 2 }));
            Assert.That(problem, Does.Contain("3 test file(s) have durations outside"));
        });
    }
}
