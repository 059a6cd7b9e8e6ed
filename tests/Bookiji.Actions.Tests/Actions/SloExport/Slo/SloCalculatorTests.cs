using System.Text.Json;
using Bookiji.Actions.SloExport.Metrics;
using Bookiji.Actions.SloExport.Output;
using Bookiji.Actions.SloExport.Slo;

namespace Bookiji.Actions.Tests.Actions.SloExport.Slo;

/// <summary>The pure core against hand-computed cases (SRE Workbook formulas: B = 1 − SLO, BR = E/B, k = share × P / L).</summary>
[TestFixture]
public sealed class SloCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private static readonly SloDataQuality NoIssues = DataQualityReport.Build(0, 0, 0, []);

    private static CiRun Run(long id, TimeSpan ago, (long Checks, long Failures)? health = null, double[]? latencies = null, long passed = 10, long failed = 0, long skipped = 0, string? sha = null) =>
        new($"run-{id}.json", Now - ago, sha ?? $"sha{id}", id, 1, "ci", failed == 0, passed, failed, skipped, passed + failed + skipped,
            [.. (latencies ?? []).Order()], health?.Checks, health?.Failures);

    private static SloSettings Settings(double uptime = 99, int shortRuns = 2, int window = 10, int periodDays = 30) =>
        new() { TargetLatencyMs = 500, TargetUptime = uptime, ShortWindowRuns = shortRuns, Window = window, BudgetPeriod = TimeSpan.FromDays(periodDays) };

    private static SloObjective Uptime(SloResult result) => result.Summary.Objectives.Single(o => o.Name == "uptime");

    private static double? Burn(SloObjective objective, string window) => objective.BurnRates.Single(b => b.Window == window).BurnRate;

    [Test]
    public void BurnRates_ErrorBudget_AndAlerts_MatchHandComputedValues()
    {
        // B = 0.01. 30d: 60 bad of 4000 → E 0.015, BR 1.5, budget overspent by half.
        // 1d: 40/2000 → BR 2; 3d and 7d: 60/3000 → BR 2; last 2 runs: 40/2000 → BR 2.
        // page k = 0.2 × 30/1 = 6 (bar 0.06): not firing. ticket k = 0.1 × 30/3 = 1 (bar 0.01): 0.02 > 0.01 in 3d and 1d → firing.
        var runs = new[]
        {
            Run(1, TimeSpan.FromDays(10), (1000, 0)),
            Run(2, TimeSpan.FromDays(2), (1000, 20)),
            Run(3, TimeSpan.FromHours(12), (1000, 30)),
            Run(4, TimeSpan.FromHours(1), (1000, 10)),
        };
        var uptime = Uptime(SloCalculator.Compute(runs, Settings(), Now, NoIssues));
        Assert.Multiple(() =>
        {
            Assert.That(uptime.ErrorBudget.Budget, Is.EqualTo(0.01));
            Assert.That(uptime.ErrorBudget.Events, Is.EqualTo(4000));
            Assert.That(uptime.ErrorBudget.BadEvents, Is.EqualTo(60));
            Assert.That(uptime.ErrorBudget.ErrorRatio, Is.EqualTo(0.015));
            Assert.That(uptime.ErrorBudget.Consumed, Is.EqualTo(1.5));
            Assert.That(uptime.ErrorBudget.Remaining, Is.EqualTo(-0.5));
            Assert.That(uptime.ErrorBudget.Status, Is.EqualTo("exhausted"));
            Assert.That(Burn(uptime, "1d"), Is.EqualTo(2));
            Assert.That(Burn(uptime, "3d"), Is.EqualTo(2));
            Assert.That(Burn(uptime, "7d"), Is.EqualTo(2));
            Assert.That(Burn(uptime, "30d"), Is.EqualTo(1.5));
            Assert.That(Burn(uptime, "last 2 runs"), Is.EqualTo(2));
            Assert.That(Burn(uptime, "last 10 runs"), Is.EqualTo(1.5));
            var page = uptime.Alerts.Single(a => a.Tier == "page");
            var ticket = uptime.Alerts.Single(a => a.Tier == "ticket");
            Assert.That((page.Threshold, page.Status, page.LongWindow, page.ShortWindow), Is.EqualTo((6.0, "ok", "1d", "last 2 runs")));
            Assert.That((ticket.Threshold, ticket.Status, ticket.LongWindow, ticket.ShortWindow), Is.EqualTo((1.0, "firing", "3d", "1d")));
            Assert.That(uptime.TimeToExhaustion.Status, Is.EqualTo("exhausted"));
        });
    }

    [Test]
    public void TimeToExhaustion_BudgetBeingSpent_IsRemainingTimesPeriodOverTheThreeDayBurnRate()
    {
        // 30d: 3/2000 → consumed 0.15, remaining 0.85. 3d: 1/1000 → BR 0.1. 0.85 × 720 h / 0.1 = 6120 h = 255 days.
        var runs = new[] { Run(1, TimeSpan.FromDays(20), (1000, 2)), Run(2, TimeSpan.FromHours(23), (1000, 1)) };
        var exhaustion = Uptime(SloCalculator.Compute(runs, Settings(), Now, NoIssues)).TimeToExhaustion;
        Assert.Multiple(() =>
        {
            Assert.That(exhaustion.Status, Is.EqualTo("projected"));
            Assert.That(exhaustion.Basis, Is.EqualTo("3d burn rate"));
            Assert.That(exhaustion.Hours, Is.EqualTo(6120));
            Assert.That(exhaustion.ExhaustsAt, Is.EqualTo("2026-08-19T03:00:00Z"));
        });
    }

    [Test]
    public void AlertTier_WithKTimesBudgetOfOneOrMore_SaysItCannotFire()
    {
        // Target 80 %: B = 0.2; page k = 6 → k·B = 1.2 ≥ 1. Ticket k = 1 → 0.2, still possible. Every run failing changes nothing.
        var runs = Enumerable.Range(1, 6).Select(i => Run(i, TimeSpan.FromHours(i), (100, 100))).ToArray();
        var alerts = Uptime(SloCalculator.Compute(runs, Settings(uptime: 80), Now, NoIssues)).Alerts;
        var page = alerts.Single(a => a.Tier == "page");
        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo("cannot_fire"));
            Assert.That(page.Note, Does.Contain("k·B = 6 × 0.2 = 1.2 ≥ 1"));
            Assert.That(alerts.Single(a => a.Tier == "ticket").Status, Is.EqualTo("firing"));
        });
    }

    [Test]
    public void Thresholds_SevenDayPeriod_ScaleWithTheBudgetPeriod()
    {
        var runs = new[] { Run(1, TimeSpan.FromHours(1), (100, 0)) };
        var alerts = Uptime(SloCalculator.Compute(runs, Settings(periodDays: 7), Now, NoIssues)).Alerts;
        Assert.Multiple(() =>
        {
            Assert.That(alerts.Single(a => a.Tier == "page").Threshold, Is.EqualTo(1.4), "0.2 × 7d / 1d");
            Assert.That(alerts.Single(a => a.Tier == "ticket").Threshold, Is.EqualTo(0.2333), "0.1 × 7d / 3d");
        });
    }

    [Test]
    public void NoRuns_EveryFigureIsInsufficientData_NeverNaNOrAFake100()
    {
        var result = SloCalculator.Compute([], Settings(), Now, NoIssues);
        var json = JsonSerializer.Serialize(result.Summary, Bookiji.Actions.SloExport.SloJsonContext.Default.SloSummary);
        var uptime = Uptime(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Summary.Period, Is.EqualTo("0 runs"));
            Assert.That(result.Summary.Metrics.PassRate, Is.Null);
            Assert.That(result.Summary.Metrics.UptimeApprox, Is.Null);
            Assert.That(result.Summary.Metrics.BookingP95Latency, Is.Null);
            Assert.That(result.Summary.Compliance.Overall, Is.Null);
            Assert.That(result.Summary.Status, Is.EqualTo("insufficient_data"));
            Assert.That(uptime.ErrorBudget.Remaining, Is.Null);
            Assert.That(uptime.BurnRates.Select(b => b.Status), Is.All.EqualTo("insufficient_data"));
            Assert.That(uptime.Alerts.Select(a => a.Status), Is.All.EqualTo("insufficient_data"));
            Assert.That(uptime.TimeToExhaustion.Status, Is.EqualTo("insufficient_data"));
            Assert.That(json, Does.Not.Contain("NaN").And.Not.Contain("100"));
            Assert.That(result.Timeseries.Runs, Is.Empty);
        });
    }

    [Test]
    public void Percentiles_AreNearestRank_AndLatencyBadEventsAreSamplesStrictlyOverTarget()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        var result = SloCalculator.Compute([Run(1, TimeSpan.FromHours(1), latencies: [400, 500, 500.1, 600])], Settings(), Now, NoIssues);
        var latency = result.Summary.Objectives.Single(o => o.Name == "booking-latency");
        Assert.Multiple(() =>
        {
            Assert.That(Percentile.NearestRank(samples, 95), Is.EqualTo(95));
            Assert.That(Percentile.NearestRank(samples, 50), Is.EqualTo(50));
            Assert.That(Percentile.NearestRank([100, 200], 95), Is.EqualTo(200));
            Assert.That(Percentile.NearestRank([100, 200], 50), Is.EqualTo(100));
            Assert.That(Percentile.NearestRank([], 95), Is.Null);
            Assert.That(latency.ErrorBudget.BadEvents, Is.EqualTo(2));
            Assert.That(latency.ErrorBudget.Budget, Is.EqualTo(0.05));
            Assert.That(latency.ErrorBudget.Consumed, Is.EqualTo(10), "E = 0.5, B = 0.05");
            Assert.That(result.Summary.Metrics.BookingP95Latency, Is.EqualTo(600));
            Assert.That(result.Summary.Compliance.BookingLatency, Is.False);
        });
    }

    [Test]
    public void PassRate_ExcludesSkippedTests_AndGreenRunShareIsSeparate()
    {
        var runs = new[] { Run(1, TimeSpan.FromHours(2), passed: 8, failed: 2, skipped: 5), Run(2, TimeSpan.FromHours(1), passed: 10) };
        var result = SloCalculator.Compute(runs, Settings(), Now, NoIssues);
        Assert.Multiple(() =>
        {
            Assert.That(result.Summary.Metrics.PassRate, Is.EqualTo(90));
            Assert.That(result.Summary.Metrics.FailRate, Is.EqualTo(10));
            Assert.That(result.Summary.Metrics.RunPassRate, Is.EqualTo(50));
            Assert.That(result.Timeseries.Runs.Select(r => r.PassRate), Is.EqualTo(new double?[] { 80, 100 }));
            Assert.That(result.Summary.Metrics.UptimeMethod, Is.EqualTo("run-pass-rate"));
            Assert.That(result.Summary.Metrics.UptimeApprox, Is.EqualTo(50), "no health: the share of green runs, and the method says so");
            Assert.That(result.Summary.Compliance.Uptime, Is.False);
        });
    }

    [Test]
    public void WorstCommit_SeveralFailingCommits_IsTheCommitWhoseRunsSpentTheMostBudget()
    {
        // Run-pass-rate uptime: B = 0.01, 5 runs in the period; commit "bad" failed twice → 2 / (0.01 × 5) = 40 budgets.
        var runs = new[]
        {
            Run(1, TimeSpan.FromHours(5), failed: 1, sha: "bad"),
            Run(2, TimeSpan.FromHours(4), sha: "good"),
            Run(3, TimeSpan.FromHours(3), failed: 1, sha: "bad"),
            Run(4, TimeSpan.FromHours(2), failed: 1, sha: "meh"),
            Run(5, TimeSpan.FromHours(1), sha: "good"),
        };
        var worst = Uptime(SloCalculator.Compute(runs, Settings(), Now, NoIssues)).WorstCommit;
        Assert.That(worst, Is.EqualTo(new SloWorstCommit { CommitSha = "bad", Runs = 2, BadEvents = 2, BudgetConsumed = 40 }));
    }

    [Test]
    public void Window_TakesTheMostRecentRuns_OldestFirst()
    {
        var runs = Enumerable.Range(1, 8).Select(i => Run(i, TimeSpan.FromHours(10 - i))).ToArray();
        var result = SloCalculator.Compute(runs, Settings(window: 3), Now, NoIssues);
        Assert.Multiple(() =>
        {
            Assert.That(result.Summary.Period, Is.EqualTo("3 runs"));
            Assert.That(result.Timeseries.Runs.Select(r => r.RunId), Is.EqualTo(new long[] { 6, 7, 8 }));
            Assert.That(result.Rows.Select(r => r.RunId), Is.EqualTo(new long[] { 6, 7, 8 }));
        });
    }
}
