using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Remediation;
using Bookiji.Actions.Watchdog.Sentry;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>What an incident issue or comment tells: this run's findings and where to look.</summary>
/// <param name="Status">ok, degraded or down.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Checks">Every check.</param>
/// <param name="ErrorBudget">The Sentry budget, when configured.</param>
/// <param name="Remediation">The remediation, when it ran or was skipped for a reason worth saying.</param>
/// <param name="Timestamp">When (ISO-8601 UTC).</param>
/// <param name="Target">The target, as written (no credentials).</param>
/// <param name="HealthUrl">The health endpoint.</param>
/// <param name="RunUrl">The workflow run.</param>
/// <param name="SuccessThreshold">Healthy runs in a row that close the incident.</param>
public sealed record IncidentFacts(
    string Status,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<CheckResult> Checks,
    SentryBudget? ErrorBudget,
    RemediationResult? Remediation,
    string Timestamp,
    string Target,
    string HealthUrl,
    string? RunUrl,
    int SuccessThreshold)
{
    /// <summary>Whether Sentry is configured (then the run queried its error budget, whatever the answer).</summary>
    public bool SentryConfigured => ErrorBudget is not null;
}
