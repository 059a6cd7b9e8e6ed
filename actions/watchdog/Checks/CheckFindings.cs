namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>The checks of one pass, and the control probe when every check was a transport error.</summary>
/// <param name="Checks">Every check.</param>
/// <param name="Control">The control URL's probe, when it was needed.</param>
/// <param name="ControlReachable">Whether the control URL answered at all (any HTTP status); null when not probed.</param>
public sealed record CheckFindings(IReadOnlyList<CheckResult> Checks, CheckResult? Control, bool? ControlReachable);
