using System.Globalization;
using System.Text;
using Bookiji.Actions.Core.Markdown;
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
        // Only a configured Sentry is worth sending anyone to: elsewhere the step names a tool the team may not have.
        text.Append(facts.SentryConfigured
            ? "2. Look at Sentry for new errors since the timestamp, and at the latest deploy (`deploy-metadata/`).\n"
            : "2. Look at the latest deploy (`deploy-metadata/`) and at the application's logs since the timestamp.\n");
        text.Append(CultureInfo.InvariantCulture, $"3. If the latest deploy is at fault, promote the deployment recorded for an earlier SHA (see {ProjectLinks.Doc("IMMUTABLE_DEPLOYS.md")}).\n");
        text.Append(CultureInfo.InvariantCulture, $"4. This issue is commented when the findings change and closes itself after {facts.SuccessThreshold} healthy run(s) in a row.\n\n");
        return Capped(text.ToString()) + marker + "\n";
    }

    /// <summary>A comment with the new results of an open incident.</summary>
    public static string ResultsComment(IncidentFacts facts, string progress)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Status:** `{facts.Status}` at {facts.Timestamp} — {progress}.");
        text.Append(facts.RunUrl is { } run ? $" ([run]({run}))\n\n" : "\n\n");
        Findings(text, facts);
        return Capped(text.ToString());
    }

    /// <summary>The recovery comment posted before closing.</summary>
    public static string RecoveryComment(IncidentFacts facts, int healthyRuns)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var run = facts.RunUrl is { } url ? $" ([run]({url}))" : string.Empty;
        return Capped($"✅ **Recovered** at {facts.Timestamp}: {healthyRuns} healthy run(s) in a row{run}. Closing.\n\n" + Table(facts.Checks));
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
            text.Append(CultureInfo.InvariantCulture, $"- **{Cell(check.Name)}** {Quote(check.Endpoint, MaxEndpointChars)} — {(check.Error is { } error ? Quote(error) : check.Outcome)}\n");
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
            text.Append(budget.Problem is { } problem ? $" — {Quote(problem)}\n" : "\n");
        }

        if (facts.Remediation is { } remediation)
        {
            var what = remediation.Attempted
                ? $"POST {Remediation.Remediator.ReloadConfigPath} → {remediation.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? Quote(remediation.Error)}; status {Cell(remediation.StatusBefore ?? "?")} → {Cell(remediation.StatusAfter ?? "?")} ({(remediation.Helped == true ? "it helped" : "it did not help")})"
                : $"not attempted ({Cell(remediation.SkippedBecause ?? "no reason given")})";
            text.Append(CultureInfo.InvariantCulture, $"\n**Remediation:** {what}\n");
        }

        text.Append('\n');
    }

    private static string Table(IReadOnlyList<CheckResult> checks)
    {
        var text = new StringBuilder("| check | endpoint | result | HTTP | latency | attempts | error |\n|---|---|---|---|---:|---:|---|\n");
        foreach (var c in checks)
        {
            var status = c.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "—";
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(c.Name)} | {QuoteCell(c.Endpoint, MaxEndpointChars)} | {c.Outcome} | {status} | {c.LatencyMs} ms | {c.Attempts} | {(c.Error is { } error ? QuoteCell(error) : string.Empty)} |\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The most characters of text before the marker. GitHub refuses an issue body or comment over 65,536 characters;
    /// this leaves room for the notice and the marker (which <see cref="IncidentMarker"/> looks for within that limit).
    /// </summary>
    public const int MaxTextChars = 60_000;

    /// <summary>The notice that ends a cut body or comment.</summary>
    public const string CutNotice = "> [!NOTE]\n> This text was cut at 60,000 characters (GitHub accepts at most 65,536). Every check's full result is in the workflow run's step summary and `watchdog-result.json`.\n\n";

    /// <summary><paramref name="text"/> whole, or cut at its last line break within <see cref="MaxTextChars"/> and followed by <see cref="CutNotice"/>.</summary>
    private static string Capped(string text)
    {
        if (text.Length <= MaxTextChars)
        {
            return text;
        }

        // Cut between lines: every line (list item, table row, code span) is whole, so nothing quoted is left open.
        var end = text.LastIndexOf('\n', MaxTextChars - 1);
        return text[..(end < 0 ? MaxTextChars : end + 1)] + "\n" + CutNotice;
    }

    /// <summary>
    /// Upstream text (response bodies, conditions quoting them, error messages) quoted inertly: a code span, so no
    /// mention, reference or link in it is live. An HTML comment opener is broken too: the marker must stay the only one.
    /// </summary>
    private static string Quote(string? text, int maxLength = InertText.DefaultMaxLength) =>
        InertText.Code(text?.Replace("<!--", "<!- -", StringComparison.Ordinal), maxLength);

    /// <summary><see cref="Quote"/> inside a table cell: GitHub splits cells at a pipe even inside a code span unless it is escaped.</summary>
    private static string QuoteCell(string? text, int maxLength = InertText.DefaultMaxLength) =>
        Quote(text, maxLength).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>The most characters of an endpoint shown (the user's own URL: long ones are real, so shown whole up to a browser's limit).</summary>
    private const int MaxEndpointChars = 2_048;

    /// <summary>Table-safe text: no pipes, newlines or HTML comment delimiters (the marker must stay the only one).</summary>
    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
