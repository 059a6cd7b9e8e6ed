namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>The baseline's numbers.</summary>
/// <param name="TotalRequests">Requests measured.</param>
/// <param name="PercentilesMs">Latency percentiles.</param>
/// <param name="Errors">5xx and transport errors.</param>
public sealed record BaselineResults(long TotalRequests, PercentilesMs PercentilesMs, long Errors);
