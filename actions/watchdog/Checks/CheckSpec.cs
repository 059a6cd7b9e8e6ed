namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>One check to run.</summary>
/// <param name="Name">Its name in reports (e.g. <c>health</c>).</param>
/// <param name="Kind">Built-in or extra.</param>
/// <param name="Url">The URL probed (no user info).</param>
/// <param name="Conditions">What the answer must meet.</param>
public sealed record CheckSpec(string Name, CheckKind Kind, Uri Url, IReadOnlyList<Condition> Conditions);
