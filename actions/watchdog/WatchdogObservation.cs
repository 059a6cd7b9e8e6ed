using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.Sentry;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog;

/// <summary>Everything the run read before deciding: production, Sentry, the state file and GitHub's view.</summary>
/// <param name="Specs">The checks, built-in and extra.</param>
/// <param name="Findings">Their results (and the control probe's).</param>
/// <param name="Budget">Sentry's error budget; null when not configured.</param>
/// <param name="FileState">The previous run's state file; null when missing or damaged.</param>
/// <param name="GitHub">The open incidents as GitHub listed them.</param>
internal sealed record WatchdogObservation(
    IReadOnlyList<CheckSpec> Specs, CheckFindings Findings, SentryBudget? Budget, WatchdogState? FileState, GitHubView GitHub);
