namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>One judged metric.</summary>
/// <param name="Endpoint">The endpoint, or <c>(all)</c>.</param>
/// <param name="Metric">latency, errors or responses.</param>
/// <param name="Outcome">pass, fail, critical or inconclusive.</param>
/// <param name="Detail">The numbers behind it.</param>
public sealed record MetricResults(string Endpoint, string Metric, string Outcome, string Detail);
