using Bookiji.Actions.PredictTests.Durations;
using Bookiji.Actions.Testing;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Durations;

[TestFixture]
public sealed class DurationReaderTests
{
    [Test]
    public void Read_PlaywrightJson_SumsResultsPerFile()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.WriteFile("report.json", """
            { "config": { "rootDir": "tests/e2e" },
              "suites": [
                { "file": "booking.spec.ts", "specs": [ { "tests": [ { "results": [ { "duration": 1500 }, { "duration": 500 } ] } ] } ],
                  "suites": [ { "specs": [ { "tests": [ { "results": [ { "duration": 1000 } ] } ] } ] } ] },
                { "file": "auth.spec.ts", "specs": [ { "tests": [ { "results": [ { "duration": 250 } ] } ] } ] } ] }
            """);
        var (durations, problem) = DurationReader.Read(path, dir.Path);
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(durations["tests/e2e/booking.spec.ts"], Is.EqualTo(3.0));
            Assert.That(durations["tests/e2e/auth.spec.ts"], Is.EqualTo(0.25));
        });
    }

    [Test]
    public void Read_JUnit_SumsTestcaseTimesPerFile()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.WriteFile("junit.xml", """
            <testsuites><testsuite name="tests/a.spec.ts"><testcase name="x" time="1.5"/><testcase name="y" time="0.5"/></testsuite>
            <testsuite name="suite"><testcase name="z" file="tests/b.spec.ts" time="2"/></testsuite></testsuites>
            """);
        var (durations, _) = DurationReader.Read(path, dir.Path);
        Assert.That(durations, Is.EquivalentTo(new Dictionary<string, double> { ["tests/a.spec.ts"] = 2, ["tests/b.spec.ts"] = 2 }));
    }

    [Test]
    public void Read_MissingOrGarbage_IsAProblem()
    {
        using var dir = new TemporaryDirectory();
        Assert.Multiple(() =>
        {
            Assert.That(DurationReader.Read(dir.Combine("none.json"), dir.Path).Problem, Does.Contain("does not exist"));
            Assert.That(DurationReader.Read(dir.WriteFile("bad.json", "{nope"), dir.Path).Problem, Does.Contain("neither a Playwright JSON nor a JUnit XML"));
        });
    }
}
