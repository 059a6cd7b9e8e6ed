using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Sentry;

namespace Bookiji.Actions.Watchdog.State;

/// <summary>
/// The documented status rules, in order:
/// <list type="number">
/// <item><c>unknown</c>: every check is a transport error and the control URL is unreachable too (the runner's network).</item>
/// <item><c>down</c>: the health endpoint and the booking API both fail.</item>
/// <item><c>degraded</c>: any check fails or is slow, or the Sentry failure rate is above the budget.</item>
/// <item><c>ok</c>: otherwise. An unavailable Sentry never changes the status (it is a warning).</item>
/// </list>
/// </summary>
public static class StatusRules
{
    /// <summary>The status and the reasons for it.</summary>
    public static (WatchdogStatus Status, IReadOnlyList<string> Reasons) Decide(IReadOnlyList<CheckResult> checks, SentryBudget? budget, bool? controlReachable)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (checks.Count > 0 && checks.All(c => c.IsTransportError) && controlReachable == false)
        {
            return (WatchdogStatus.Unknown, ["every probe, the control URL included, failed at the transport level: the runner's network, not production, is in doubt"]);
        }

        var reasons = new List<string>();
        var failing = checks.Where(c => c.Verdict == CheckOutcome.Fail).ToList();
        var coreDown = checks.Where(c => c.Kind is "health" or "bookings").ToList();
        // Down when every core check configured fails: health alone, or health and the booking API together.
        if (coreDown.Count > 0 && coreDown.All(c => c.Verdict == CheckOutcome.Fail))
        {
            reasons.Add(coreDown.Count == 1 ? "the health endpoint fails" : "the health endpoint and the booking API both fail");
            return (WatchdogStatus.Down, reasons);
        }

        reasons.AddRange(failing.Select(c => $"{c.Name} fails"));
        reasons.AddRange(checks.Where(c => c.Verdict == CheckOutcome.Slow).Select(c => $"{c.Name} is slow ({c.LatencyMs} ms)"));
        if (budget is { Breached: true, FailureRate: { } rate })
        {
            reasons.Add(FormattableString.Invariant($"Sentry failure rate {rate:P2} is above the budget {budget.Budget:P2} over {budget.Period}"));
        }

        return (reasons.Count == 0 ? WatchdogStatus.Ok : WatchdogStatus.Degraded, reasons);
    }

    /// <summary>Whether a status counts as failing for streaks and incidents.</summary>
    public static bool IsFailing(WatchdogStatus status) => status is WatchdogStatus.Degraded or WatchdogStatus.Down;

    /// <summary>The status as written to outputs and files.</summary>
    public static string Text(WatchdogStatus status) => status.ToString().ToLowerInvariant();
}
