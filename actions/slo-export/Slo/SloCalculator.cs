using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.SloExport.Metrics;
using Bookiji.Actions.SloExport.Output;

namespace Bookiji.Actions.SloExport.Slo;

/// <summary>
/// The pure core of export mode: selected runs (oldest first), settings and the clock → the summary, the
/// timeseries and the rows. No I/O; no figure is invented where there is no data (null and
/// <c>insufficient_data</c>, never NaN or an implied 100 %).
/// </summary>
public static partial class SloCalculator
{
    /// <summary>The status words used in every file.</summary>
    public const string Ok = "ok", Breach = "breach", InsufficientData = "insufficient_data";

    /// <summary>Computes the export.</summary>
    public static SloResult Compute(IReadOnlyList<CiRun> runs, SloSettings settings, DateTimeOffset now, SloDataQuality quality)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(quality);
        var start = Math.Max(0, runs.Count - settings.Window);
        var window = runs.Skip(start).ToList();
        var useHealth = window.Any(r => r.HealthChecks is not null);
        var metrics = ComputeMetrics(window, useHealth);
        var latencyOk = metrics.BookingP95Latency is { } p95 ? p95 <= settings.TargetLatencyMs : (bool?)null;
        var uptimeOk = UptimeCompliant(window, useHealth, settings.TargetUptime);
        bool? overall = latencyOk == false || uptimeOk == false ? false : latencyOk == true && uptimeOk == true ? true : null;
        var specs = new[] { LatencySpec(settings), UptimeSpec(settings, useHealth) };
        var series = specs.Select(s => new EventSeries(runs, s)).ToArray();
        var targets = new SloTargets
        {
            BookingLatencyMs = settings.TargetLatencyMs,
            Uptime = settings.TargetUptime,
            BookingLatencyPercentile = SloSettings.LatencyPercentile,
        };
        var period = Plural(window.Count, "run");
        var summary = new SloSummary
        {
            Timestamp = IsoTimestamp.Format(now),
            Period = period,
            Targets = targets,
            Metrics = metrics,
            Compliance = new SloCompliance { BookingLatency = latencyOk, Uptime = uptimeOk, Overall = overall },
            Status = Status(overall),
            Window = new SloWindow
            {
                RequestedRuns = settings.Window,
                Runs = window.Count,
                From = window.Count > 0 ? IsoTimestamp.Format(window[0].Timestamp) : null,
                To = window.Count > 0 ? IsoTimestamp.Format(window[^1].Timestamp) : null,
            },
            Samples = new SloSamples
            {
                Runs = window.Count,
                GreenRuns = window.Count(r => r.Passed),
                TestsExecuted = window.Sum(r => r.TestsExecuted),
                TestsSkipped = window.Sum(r => r.TestsSkipped),
                BookingLatencies = window.Sum(r => (long)r.BookingLatenciesMs.Length),
                HealthChecks = window.Sum(r => r.HealthChecks ?? 0),
                RunsWithHealth = window.Count(r => r.HealthChecks is not null),
            },
            Objectives =
            [
                ComputeObjective(specs[0], series[0], runs, start, settings, now, Status(latencyOk)),
                ComputeObjective(specs[1], series[1], runs, start, settings, now, Status(uptimeOk)),
            ],
            DataQuality = quality,
        };
        var timeseries = new SloTimeseries
        {
            Timestamp = summary.Timestamp,
            Runs = [.. window.Select(r => Point(r, useHealth))],
            Period = period,
            Targets = targets,
        };
        return new SloResult(summary, timeseries, Rows(runs, start, settings, specs, series, timeseries.Runs));
    }

    /// <summary>ok, breach or insufficient_data for a compliance value.</summary>
    public static string Status(bool? compliant) => compliant switch
    {
        true => Ok,
        false => Breach,
        null => InsufficientData,
    };

    /// <summary><c>1 run</c>, <c>50 runs</c>.</summary>
    public static string Plural(long count, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static SloMetrics ComputeMetrics(List<CiRun> window, bool useHealth)
    {
        var passed = window.Sum(r => r.TestsPassed);
        var executed = window.Sum(r => r.TestsExecuted);
        var passRate = Numbers.Ratio(passed, executed) * 100;
        var samples = new double[window.Sum(r => r.BookingLatenciesMs.Length)];
        var offset = 0;
        foreach (var run in window)
        {
            run.BookingLatenciesMs.CopyTo(samples, offset);
            offset += run.BookingLatenciesMs.Length;
        }

        Array.Sort(samples);
        return new SloMetrics
        {
            PassRate = Numbers.Round3(passRate),
            FailRate = Numbers.Round3(100 - passRate),
            BookingP95Latency = Numbers.Round3(Percentile.NearestRank(samples, SloSettings.LatencyPercentile)),
            UptimeApprox = Numbers.Round3(Uptime(window, useHealth)),
            BookingP50Latency = Numbers.Round3(Percentile.NearestRank(samples, 50)),
            RunPassRate = Numbers.Round3(Numbers.Ratio(window.Count(r => r.Passed), window.Count) * 100),
            UptimeMethod = useHealth ? "health-checks" : "run-pass-rate",
        };
    }

    /// <summary>100 × (1 − Σfailures / Σchecks) over runs with health, else the share of green runs.</summary>
    private static double? Uptime(List<CiRun> window, bool useHealth) => useHealth
        ? 100 * (1 - Numbers.Ratio(window.Sum(r => r.HealthFailures ?? 0), window.Sum(r => r.HealthChecks ?? 0)))
        : Numbers.Ratio(window.Count(r => r.Passed), window.Count) * 100;

    /// <summary>Compared on the exact counts, not the rounded percentage.</summary>
    private static bool? UptimeCompliant(List<CiRun> window, bool useHealth, double target) =>
        Uptime(window, useHealth) is { } uptime ? uptime >= target - 1e-9 : null;

    private static SloRunPoint Point(CiRun run, bool useHealth) => new()
    {
        Timestamp = IsoTimestamp.Format(run.Timestamp),
        CommitSha = run.CommitSha,
        PassRate = Numbers.Round3(Numbers.Ratio(run.TestsPassed, run.TestsExecuted) * 100),
        BookingP95Latency = Numbers.Round3(Percentile.NearestRank(run.BookingLatenciesMs, SloSettings.LatencyPercentile)),
        Passed = run.Passed,
        RunId = run.RunId,
        RunAttempt = run.RunAttempt,
        Workflow = run.Workflow,
        TestsPassed = run.TestsPassed,
        TestsFailed = run.TestsFailed,
        TestsSkipped = run.TestsSkipped,
        BookingP50Latency = Numbers.Round3(Percentile.NearestRank(run.BookingLatenciesMs, 50)),
        BookingSamples = run.BookingLatenciesMs.Length,
        Uptime = Numbers.Round3(useHealth
            ? 100 * (1 - Numbers.Ratio(run.HealthFailures ?? 0, run.HealthChecks ?? 0))
            : run.Passed ? 100 : 0),
        HealthChecks = run.HealthChecks,
        HealthFailures = run.HealthFailures,
    };
}
