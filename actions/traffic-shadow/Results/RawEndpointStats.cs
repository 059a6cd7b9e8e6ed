namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>One endpoint's raw numbers.</summary>
/// <param name="Histogram">Latencies (µs), compressed, base64.</param>
/// <param name="Seen">Requests.</param>
/// <param name="Errors">4xx, 5xx and transport failures.</param>
/// <param name="ServerOrTransportErrors">5xx and transport failures.</param>
/// <param name="SampleMicros">The bounded uniform sample of latencies, µs.</param>
public sealed record RawEndpointStats(string Histogram, long Seen, long Errors, long ServerOrTransportErrors, IReadOnlyList<long> SampleMicros);
