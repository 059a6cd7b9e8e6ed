namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>The brief's summary block.</summary>
/// <param name="AverageLatency">Mean canary latency, ms.</param>
/// <param name="P95Latency">Canary p95, ms.</param>
/// <param name="ErrorRate">Canary 5xx+transport errors, %.</param>
/// <param name="SuccessRate">100 − <paramref name="ErrorRate"/>.</param>
public sealed record ResultsSummary(double AverageLatency = 0, double P95Latency = 0, double ErrorRate = 0, double SuccessRate = 0);
