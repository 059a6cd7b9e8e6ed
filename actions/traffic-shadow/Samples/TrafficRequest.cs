namespace Bookiji.Actions.TrafficShadow.Samples;

/// <summary>One request of the traffic sample.</summary>
/// <param name="Method">The HTTP method, upper-case.</param>
/// <param name="Path">The path and query, starting with '/'.</param>
/// <param name="Body">The body, if any (JSON text for the brief's samples).</param>
/// <param name="Headers">Extra headers.</param>
/// <param name="OffsetMs">When it was recorded, relative to the first request (for recorded pacing), if known.</param>
/// <param name="Source">Where it was read, for messages: <c>sample.json[3]</c>, <c>traffic.har entry 2</c>, <c>access.log line 7</c>.</param>
public sealed record TrafficRequest(string Method, string Path, string? Body, IReadOnlyDictionary<string, string> Headers, double? OffsetMs = null, string Source = "request");
