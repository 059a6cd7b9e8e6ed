namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>Where a replay stands, reported every <see cref="Replayer.ProgressInterval"/>.</summary>
/// <param name="Done">Requests sent to the canary so far (warm-up included).</param>
/// <param name="Total">Requests planned, or null for a timed replay.</param>
/// <param name="Elapsed">Time since the replay started.</param>
/// <param name="Rate">Requests per second so far.</param>
/// <param name="Errors">Canary 5xx and transport errors so far.</param>
public sealed record ReplayProgress(long Done, long? Total, TimeSpan Elapsed, double Rate, long Errors);
