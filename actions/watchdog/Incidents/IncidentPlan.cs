using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>The planner's decision.</summary>
/// <param name="Action">What to do to the issue.</param>
/// <param name="State">The state after this run (to write to the file and the marker).</param>
/// <param name="Explanation">One sentence for the log and summary.</param>
public sealed record IncidentPlan(IncidentAction Action, WatchdogState State, string Explanation);
