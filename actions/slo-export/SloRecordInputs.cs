using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.SloExport.Metrics;
using Bookiji.Actions.SloExport.Record;
using D = Bookiji.Actions.SloExport.SloExportDefinition;

namespace Bookiji.Actions.SloExport;

/// <summary>Record mode: write this run's CI metrics file from a test report.</summary>
/// <param name="MetricsDirectory">The folder the file is written to (absolute).</param>
/// <param name="ReportFile">The test report (absolute, inside the workspace).</param>
/// <param name="Format">The report's format.</param>
/// <param name="BookingPattern">Which tests are booking flows.</param>
/// <param name="Health">Synthetic health checks of the run, when given.</param>
/// <param name="Run">The run's identity from the GitHub context.</param>
public sealed record SloRecordInputs(
    string MetricsDirectory,
    string ReportFile,
    ReportFormat Format,
    Regex BookingPattern,
    CiHealth? Health,
    RunIdentity Run) : SloInputs(MetricsDirectory)
{
    /// <summary>Reads record mode's inputs; null when one is invalid (the reader holds the errors).</summary>
    internal static SloRecordInputs? Read(InputReader reader, GitHubContext context, string? metricsDir)
    {
        var report = reader.Read(D.ReportFile);
        if (report is null && !reader.IsSet(D.ReportFile))
        {
            reader.AddError(D.ReportFile.Name, $"Input required and not supplied: {D.ReportFile.Name} (record mode reads a Playwright JSON report or JUnit XML).");
        }

        var format = reader.Read(D.ReportFormatInput);
        var pattern = ReadPattern(reader);
        var checks = reader.ReadOptional(D.HealthChecks);
        var failures = reader.ReadOptional(D.HealthFailures);
        if (failures is not null && checks is null)
        {
            reader.AddError(D.HealthFailures.Name, $"{D.HealthFailures.Describe()} needs health-checks: a failure count means nothing without the number of checks.");
        }
        else if (checks is { } c && failures is { } f && f > c)
        {
            reader.AddError(D.HealthFailures.Name, $"{D.HealthFailures.Describe()} ({f}) cannot exceed health-checks ({c}).");
        }

        if (context.RunId <= 0)
        {
            reader.AddError(D.Mode.Name, "record mode names the file after the workflow run: GITHUB_RUN_ID must be set (it is on every GitHub runner).");
        }

        var health = checks is { } n ? new CiHealth { Checks = n, Failures = failures ?? 0 } : null;
        var run = new RunIdentity(context.RunId, Math.Max(1, context.RunAttempt), context.Sha, context.Workflow, context.Ref, context.EventName);
        return metricsDir is null || report is null || pattern is null || reader.Errors.Count > 0
            ? null
            : new SloRecordInputs(metricsDir, report, format, pattern, health, run);
    }
}
