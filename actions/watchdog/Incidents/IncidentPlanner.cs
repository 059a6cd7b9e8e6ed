using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>
/// The pure core of incident handling: the previous streaks, this run's status and whether an incident is open →
/// what to do. An incident opens when the failure streak reaches the failure threshold, is commented when the
/// status or the failed checks change, and closes after the success threshold of healthy runs in a row.
/// <c>unknown</c> never changes anything.
/// </summary>
public static class IncidentPlanner
{
    /// <summary>Plans this run.</summary>
    public static IncidentPlan Plan(
        WatchdogStatus status,
        string signature,
        WatchdogState previous,
        int? openIncident,
        int failureThreshold,
        int successThreshold,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (status == WatchdogStatus.Unknown)
        {
            return new IncidentPlan(IncidentAction.None, previous with { IncidentNumber = openIncident ?? previous.IncidentNumber }, "status unknown: streaks and incidents left unchanged");
        }

        if (StatusRules.IsFailing(status))
        {
            var streak = previous.FailureStreak + 1;
            var state = previous with
            {
                UpdatedAt = now,
                LastStatus = StatusRules.Text(status),
                FailureStreak = streak,
                SuccessStreak = 0,
                IncidentNumber = openIncident,
            };
            if (openIncident is not null)
            {
                return signature == previous.LastSignature
                    ? new IncidentPlan(IncidentAction.UpdateMarker, state, $"incident #{openIncident} open; unchanged since the last comment (failing run {streak})")
                    : new IncidentPlan(IncidentAction.Comment, state with { LastSignature = signature }, $"incident #{openIncident} open; commenting the new results (failing run {streak})");
            }

            return streak >= failureThreshold
                ? new IncidentPlan(IncidentAction.Open, state with { LastSignature = signature }, $"failing run {streak} of {failureThreshold} needed: opening an incident")
                : new IncidentPlan(IncidentAction.None, state, $"failing run {streak} of {failureThreshold} needed before an incident opens");
        }

        var healthy = previous.SuccessStreak + 1;
        var ok = previous with
        {
            UpdatedAt = now,
            LastStatus = StatusRules.Text(status),
            FailureStreak = 0,
            SuccessStreak = healthy,
            IncidentNumber = openIncident,
        };
        if (openIncident is null)
        {
            return new IncidentPlan(IncidentAction.None, ok with { LastSignature = null }, "healthy; no incident open");
        }

        return healthy >= successThreshold
            ? new IncidentPlan(IncidentAction.Close, ok with { IncidentNumber = null, LastSignature = null }, $"healthy run {healthy} of {successThreshold}: closing incident #{openIncident}")
            : signature == previous.LastSignature
                ? new IncidentPlan(IncidentAction.UpdateMarker, ok, $"healthy run {healthy} of {successThreshold} needed to close incident #{openIncident}")
                : new IncidentPlan(IncidentAction.Comment, ok with { LastSignature = signature }, $"healthy run {healthy} of {successThreshold} needed to close incident #{openIncident}");
    }

    /// <summary>What identifies an outage for "comment only when it changes": the status and what fails.</summary>
    public static string Signature(WatchdogStatus status, IReadOnlyList<Checks.CheckResult> checks, Sentry.SentryBudget? budget) =>
        string.Join(
            ",",
            new[] { StatusRules.Text(status) }
                .Concat(checks.Where(c => c.Verdict != Checks.CheckOutcome.Pass).Select(c => $"{c.Name}:{c.Outcome}").Order(StringComparer.Ordinal))
                .Concat(budget is { Breached: true } ? ["sentry:breached"] : []));

    /// <summary>Whether remediation may run now, or why not.</summary>
    public static (bool Run, string? SkippedBecause) ShouldRemediate(WatchdogStatus status, bool hasKey, bool dryRun, WatchdogState state, TimeSpan cooldown, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!StatusRules.IsFailing(status))
        {
            return (false, null);
        }

        if (!hasKey)
        {
            return (false, "ADMIN_API_KEY is not set");
        }

        if (dryRun)
        {
            return (false, "dry-run");
        }

        if (state.LastRemediationAt is { } last && now - last < cooldown)
        {
            return (false, $"cooldown: last attempt at {Bookiji.Actions.Core.Toolkit.IsoTimestamp.Format(last)}, next after {Bookiji.Actions.Core.Toolkit.IsoTimestamp.Format(last + cooldown)}");
        }

        return (true, null);
    }
}
