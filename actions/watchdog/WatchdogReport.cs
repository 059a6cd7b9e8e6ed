using System.Globalization;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.Watchdog.Incidents;

namespace Bookiji.Actions.Watchdog;

/// <summary>The one place this action writes the result file, outputs, log lines and the step summary.</summary>
internal static class WatchdogReport
{
    private const int MaxSummaryRows = 200;

    public static async Task WriteAsync(ActionRuntime runtime, WatchdogInputs inputs, WatchdogResult result, IncidentPlan plan, string? dryRunText, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        await JsonFile.WriteAsync(inputs.ResultPath, result, WatchdogJsonContext.Default.WatchdogResult, cancellationToken);
        var relative = runtime.RelativeToWorkspace(inputs.ResultPath);
        var open = result.Incident.Action is "closed" or "would-close" ? null : result.Incident.Number;
        core.SetOutput(WatchdogDefinition.StatusOutput, result.Status);
        core.SetOutput(WatchdogDefinition.IncidentNumberOutput, open?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        core.SetOutput(WatchdogDefinition.ResultPathOutput, relative);

        core.Info($"Status: {result.Status}{(result.Reasons.Count == 0 ? string.Empty : " — " + string.Join("; ", result.Reasons))}");
        core.Info($"Incident: {result.Incident.Action}{(result.Incident.Number is { } n ? $" #{n}" : string.Empty)} ({plan.Explanation})");
        if (dryRunText is not null)
        {
            core.StartGroup($"Dry run: the incident text this run would post ({result.Incident.Action})");
            core.Info(dryRunText);
            core.EndGroup();
        }

        core.Info($"Result: {relative} ({result.DurationMs} ms)");
        if (!runtime.Summary.IsAvailable)
        {
            return;
        }

        var summary = runtime.Summary
            .AddHeading("Production watchdog", 2)
            .AddRaw($"<p><strong>{Icon(result.Status)} {StepSummary.Escape(result.Status)}</strong> · {StepSummary.Escape(result.Target)} · {StepSummary.Escape(result.Timestamp)}{(result.DryRun ? " · <em>dry run</em>" : string.Empty)}</p>", addEol: true);
        if (result.Reasons.Count > 0)
        {
            summary.AddList(result.Reasons.Select(StepSummary.Escape));
        }

        var rows = new List<IEnumerable<SummaryTableCell>>
        {
            new SummaryTableCell[] { SummaryTableCell.Head("Check"), SummaryTableCell.Head("Endpoint"), SummaryTableCell.Head("Result"), SummaryTableCell.Head("HTTP"), SummaryTableCell.Head("Latency"), SummaryTableCell.Head("Attempts"), SummaryTableCell.Head("Error") },
        };
        rows.AddRange(result.Checks.Take(MaxSummaryRows).Select(c => new SummaryTableCell[]
        {
            StepSummary.Escape(c.Name),
            $"<code>{StepSummary.Escape(c.Endpoint)}</code>",
            StepSummary.Escape(c.Outcome),
            c.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "—",
            $"{c.LatencyMs} ms",
            c.Attempts.ToString(CultureInfo.InvariantCulture),
            // Errors quote response bodies (upstream text): inert code, never live mentions or links.
            c.Error is { } error ? InertText.HtmlCode(error) : string.Empty,
        }));
        summary.AddTable(rows);
        if (result.Checks.Count > MaxSummaryRows)
        {
            summary.AddRaw($"<p>…and {result.Checks.Count - MaxSummaryRows} more checks in <code>{StepSummary.Escape(relative)}</code>.</p>", addEol: true);
        }

        if (result.ErrorBudget is { } budget)
        {
            var rate = budget.FailureRate?.ToString("P2", CultureInfo.InvariantCulture) ?? "n/a";
            summary.AddRaw($"<p>Error budget (Sentry, {StepSummary.Escape(budget.Period)}): {StepSummary.Escape(budget.State)}, failure rate {rate} against {budget.Budget.ToString("P2", CultureInfo.InvariantCulture)}{(budget.Problem is { } p ? " — " + InertText.HtmlCode(p) : string.Empty)}</p>", addEol: true);
        }

        if (result.Remediation is { } remediation)
        {
            var text = remediation.Attempted
                ? $"POST {Remediation.Remediator.ReloadConfigPath} → {remediation.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? InertText.HtmlCode(remediation.Error)}; {StepSummary.Escape($"{remediation.StatusBefore} → {remediation.StatusAfter}")}"
                : StepSummary.Escape($"not attempted: {remediation.SkippedBecause}");
            summary.AddRaw($"<p>Remediation: {text}</p>", addEol: true);
        }

        var incident = result.Incident;
        var link = incident.Url is { } url ? $" <a href=\"{StepSummary.Escape(url)}\">#{incident.Number}</a>" : incident.Number is { } number ? $" #{number}" : string.Empty;
        summary.AddRaw($"<p>Incident: {StepSummary.Escape(incident.Action)}{link} — {StepSummary.Escape(plan.Explanation)} (failure streak {result.FailureStreak}, success streak {result.SuccessStreak})</p>", addEol: true);
        if (dryRunText is not null)
        {
            summary.AddDetails("Dry run: the text this run would post", $"\n\n<pre>{StepSummary.Escape(dryRunText)}</pre>\n\n");
        }

        await summary.WriteAsync(cancellationToken: cancellationToken);
    }

    private static string Icon(string status) => status switch
    {
        "ok" => "🟢",
        "degraded" => "🟠",
        "down" => "🔴",
        _ => "⚪",
    };
}
