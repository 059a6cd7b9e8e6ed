namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>Latency percentiles in ms.</summary>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Maximum.</param>
public sealed record PercentilesMs(double P50 = 0, double P90 = 0, double P95 = 0, double P99 = 0, double Max = 0);
