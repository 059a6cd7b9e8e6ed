using Bookiji.Actions.SloExport.Metrics;

namespace Bookiji.Actions.Tests.Actions.SloExport.Metrics;

/// <summary>One file's checks: everything wrong is named; usable parts are kept.</summary>
[TestFixture]
public sealed class MetricsValidatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 7, 3, 0, 0, TimeSpan.Zero);

    private static CiMetricsFile Valid() => new()
    {
        Timestamp = "2025-12-07T02:00:00Z",
        CommitSha = "abc1234",
        RunId = 7,
        Passed = true,
        Tests = new CiTestCounts { Total = 3, Passed = 3, Failed = 0, Skipped = 0 },
        BookingLatenciesMs = [420, 380],
    };

    [Test]
    public void MissingFields_AreAllNamedAtOnce_AndTheFileIsSkipped()
    {
        var issues = new List<DataIssue>();
        var run = MetricsValidator.Validate("a.json", new CiMetricsFile { Tests = new CiTestCounts() }, issues);
        Assert.Multiple(() =>
        {
            Assert.That(run, Is.Null);
            Assert.That(issues.Single().Kind, Is.EqualTo(DataIssueKind.Incomplete));
            Assert.That(issues.Single().Detail, Is.EqualTo("missing timestamp, commitSha, runId, passed, tests.passed, tests.failed"));
        });
    }

    [Test]
    public void NegativeAndNonFiniteLatencies_AreDropped_TheRunIsKept()
    {
        var issues = new List<DataIssue>();
        var run = MetricsValidator.Validate("b.json", Valid() with { BookingLatenciesMs = [420, -5, 380, double.PositiveInfinity] }, issues);
        Assert.Multiple(() =>
        {
            Assert.That(run!.BookingLatenciesMs, Is.EqualTo(new double[] { 380, 420 }), "sorted, bad ones out");
            Assert.That(issues.Single().Kind, Is.EqualTo(DataIssueKind.InvalidLatency));
            Assert.That(issues.Single().Detail, Does.StartWith("2 of 4"));
        });
    }

    [TestCase(10, 11)]
    [TestCase(0, 0)]
    [TestCase(10, -1)]
    public void ImpossibleHealth_IsIgnored_TheRunIsKept(long checks, long failures)
    {
        var issues = new List<DataIssue>();
        var run = MetricsValidator.Validate("c.json", Valid() with { Health = new CiHealth { Checks = checks, Failures = failures } }, issues);
        Assert.Multiple(() =>
        {
            Assert.That(run!.HealthChecks, Is.Null);
            Assert.That(issues.Single().Kind, Is.EqualTo(DataIssueKind.InvalidHealth));
        });
    }

    [Test]
    public void Validate_BadTimestampAndNegativeCounts_SkipTheFile()
    {
        var issues = new List<DataIssue>();
        var run = MetricsValidator.Validate("d.json", Valid() with { Timestamp = "yesterday", Tests = new CiTestCounts { Passed = -1, Failed = 0 } }, issues);
        Assert.Multiple(() =>
        {
            Assert.That(run, Is.Null);
            Assert.That(issues.Single().Detail, Does.Contain("timestamp 'yesterday' is not an ISO-8601").And.Contain("must not be negative"));
        });
    }

    [Test]
    public void Selection_CountsARunIdOnce_KeepingTheLatestAttempt_AndDropsFutureRuns()
    {
        var issues = new List<DataIssue>();
        CiRun Make(string file, long id, long attempt, TimeSpan offset) =>
            MetricsValidator.Validate(file, Valid() with { RunId = id, RunAttempt = attempt, Timestamp = Bookiji.Actions.Core.Toolkit.IsoTimestamp.Format(Now + offset) }, issues)!;
        var runs = new[]
        {
            Make("first.json", 1, 1, TimeSpan.FromHours(-3)),
            Make("rerun.json", 1, 2, TimeSpan.FromHours(-2)),
            Make("other.json", 2, 1, TimeSpan.FromHours(-1)),
            Make("skewed.json", 3, 1, TimeSpan.FromMinutes(4)),
            Make("future.json", 4, 1, TimeSpan.FromDays(1)),
        };
        var selected = RunSelection.Select(runs, Now, issues);
        Assert.Multiple(() =>
        {
            Assert.That(selected.Select(r => r.File), Is.EqualTo(new[] { "rerun.json", "other.json", "skewed.json" }), "oldest first; a few minutes of clock skew is tolerated");
            Assert.That(issues.Single(i => i.Kind == DataIssueKind.DuplicateRun).File, Is.EqualTo("first.json"));
            Assert.That(issues.Single(i => i.Kind == DataIssueKind.FutureTimestamp).File, Is.EqualTo("future.json"));
        });
    }
}
