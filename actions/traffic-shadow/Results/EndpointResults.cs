namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>One endpoint's canary numbers.</summary>
/// <param name="Endpoint">Method and path template.</param>
/// <param name="Requests">Requests measured.</param>
/// <param name="Errors">5xx and transport errors.</param>
/// <param name="P50Ms">Median, ms.</param>
/// <param name="P95Ms">p95, ms.</param>
/// <param name="P99Ms">p99, ms.</param>
/// <param name="BaselineP95Ms">The baseline's p95 for the endpoint, ms.</param>
public sealed record EndpointResults(string Endpoint, long Requests, long Errors, double P50Ms, double P95Ms, double P99Ms, double? BaselineP95Ms);
