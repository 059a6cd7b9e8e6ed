using System.Globalization;
using System.Text;
using Bookiji.Actions.Watchdog.Checks;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>The incident issue's title, body and comments (markdown). Pure: facts in, text out.</summary>
public static class IncidentText
{
    /// <summary>The brief's title.</summary>
    public const string Title = "[incident] Production degradation detected";

    /// <summary>The brief's labels; the open incident is found by them (issues list API, never search).</summary>
    public static readonly IReadOnlyList<string> Labels = ["incident", "watchdog"];

    /// <summary>The issue body: timestamp, failed checks, all results, links, next steps, and the marker.</summary>
    public static string Body(IncidentFacts facts, string marker)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Status:** `{facts.Status}` · **Detected:** {facts.Timestamp} · **Target:** {facts.Target}\n\n");
        Findings(text, facts);
        text.Append("### Links\n\n");
        if (facts.RunUrl is { } run)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Workflow run: {run}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"- Health endpoint: {facts.HealthUrl}\n\n");
        text.Append("### Next steps\n\n");
        text.Append("1. Open the health endpoint and the failing checks above; compare with the last healthy run.\n");
        text.Append("2. Look at Sentry for new errors since the timestamp, and at the latest deploy (`deploy-metadata/`).\n");
        text.Append("3. If the latest deploy is at fault, promote the deployment recorded for an earlier SHA (docs/IMMUTABLE_DEPLOYS.md).\n");
        text.Append(CultureInfo.InvariantCulture, $"4. This issue is commented when the findings change and closes itself after {facts.SuccessThreshold} healthy run(s) in a row.\n\n");
        text.Append(marker).Append('\n');
        return text.ToString();
    }

    /// <summary>A comment with the new results of an open incident.</summary>
    public static string ResultsComment(IncidentFacts facts, string progress)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Status:** `{facts.Status}` at {facts.Timestamp} — {progress}.");
        text.Append(facts.RunUrl is { } run ? $" ([run]({run}))\n\n" : "\n\n");
        Findings(text, facts);
        return text.ToString();
    }

    /// <summary>The recovery comment posted before closing.</summary>
    public static string RecoveryComment(IncidentFacts facts, int healthyRuns)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var run = facts.RunUrl is { } url ? $" ([run]({url}))" : string.Empty;
        return $"✅ **Recovered** at {facts.Timestamp}: {healthyRuns} healthy run(s) in a row{run}. Closing.\n\n" + Table(facts.Checks);
    }

    /// <summary>The comment closing a duplicate in favour of the older incident.</summary>
    public static string DuplicateComment(int kept) =>
        $"Duplicate of #{kept.ToString(CultureInfo.InvariantCulture)}: another watchdog run opened it first. Closing this one.";

    private static void Findings(StringBuilder text, IncidentFacts facts)
    {
        var failed = facts.Checks.Where(c => c.Verdict != CheckOutcome.Pass).ToList();
        text.Append("### Failed checks\n\n");
        if (failed.Count == 0 && facts.Reasons.Count == 0)
        {
            text.Append("None.\n\n");
        }

        foreach (var check in failed)
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{check.Name}** `{check.Endpoint}` — {Cell(check.Error ?? check.Outcome)}\n");
        }

        foreach (var reason in facts.Reasons.Where(r => r.StartsWith("Sentry", StringComparison.Ordinal)))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {Cell(reason)}\n");
        }

        text.Append("\n### All check results\n\n").Append(Table(facts.Checks));
        if (facts.ErrorBudget is { } budget)
        {
            var rate = budget.FailureRate is { } r ? r.ToString("P2", CultureInfo.InvariantCulture) : "n/a";
            text.Append(CultureInfo.InvariantCulture, $"\n**Error budget (Sentry, {budget.Period}):** {budget.State}, failure rate {rate} against {budget.Budget.ToString("P2", CultureInfo.InvariantCulture)}");
            text.Append(budget.Problem is { } problem ? $" — {Cell(problem)}\n" : "\n");
        }

        if (facts.Remediation is { } remediation)
        {
            var what = remediation.Attempted
                ? $"POST /api/admin/reload-config → {remediation.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? remediation.Error}; status {remediation.StatusBefore} → {remediation.StatusAfter} ({(remediation.Helped == true ? "it helped" : "it did not help")})"
                : $"not attempted ({remediation.SkippedBecause})";
            text.Append(CultureInfo.InvariantCulture, $"\n**Remediation:** {Cell(what)}\n");
        }

        text.Append('\n');
    }

    private static string Table(IReadOnlyList<CheckResult> checks)
    {
        var text = new StringBuilder("| check | endpoint | result | HTTP | latency | attempts | error |\n|---|---|---|---|---:|---:|---|\n");
        foreach (var c in checks)
        {
            var status = c.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "—";
            text.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {Cell(c.Endpoint)} | {c.Outcome} | {status} | {c.LatencyMs} ms | {c.Attempts} | {Cell(c.Error ?? string.Empty)} |\n");
        }

        return text.ToString();
    }

    /// <summary>Table-safe text: no pipes, newlines or HTML comment delimiters (the marker must stay the only one).</summary>
    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
