namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>One target's raw numbers: compressed HdrHistograms (base64), counts, the bounded samples.</summary>
/// <param name="Histogram">Every latency (µs), compressed, base64.</param>
/// <param name="StatusCodes">Responses by status code.</param>
/// <param name="Errors">Failures by kind.</param>
/// <param name="FirstLatenciesMs">The first latencies in send order, ms.</param>
/// <param name="Endpoints">Per endpoint.</param>
public sealed record RawTargetStats(
    string Histogram,
    IReadOnlyDictionary<string, long> StatusCodes,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyList<double> FirstLatenciesMs,
    IReadOnlyDictionary<string, RawEndpointStats> Endpoints);
