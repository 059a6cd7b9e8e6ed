using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.SloExport.Metrics;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>The pure core of record mode: a report summary, the run and the clock → the run's metrics file.</summary>
public static class MetricsRecordBuilder
{
    /// <summary>The format version written.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The file name for a run: <c>run-{runId}-{attempt}.json</c> (re-runs do not overwrite the first attempt).</summary>
    public static string FileName(RunIdentity run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"run-{run.RunId}-{run.RunAttempt}.json");
    }

    /// <summary>Builds the metrics file.</summary>
    public static CiMetricsFile Build(TestReportSummary report, RunIdentity run, CiHealth? health, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(run);
        return new CiMetricsFile
        {
            SchemaVersion = SchemaVersion,
            Timestamp = IsoTimestamp.Format(now),
            CommitSha = run.CommitSha,
            RunId = run.RunId,
            RunAttempt = run.RunAttempt,
            Workflow = run.Workflow,
            Passed = report.Failed == 0 && report.Errors == 0,
            Tests = new CiTestCounts
            {
                Total = report.Passed + report.Failed + report.Skipped,
                Passed = report.Passed,
                Failed = report.Failed,
                Skipped = report.Skipped,
            },
            BookingLatenciesMs = [.. report.BookingLatenciesMs.Select(ms => Math.Round(ms, 3, MidpointRounding.AwayFromZero))],
            Health = health,
            Ref = string.IsNullOrEmpty(run.Ref) ? null : run.Ref,
            Event = string.IsNullOrEmpty(run.EventName) ? null : run.EventName,
            Source = $"slo-export record ({report.Format})",
        };
    }
}
