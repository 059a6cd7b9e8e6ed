namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>Response differences for one endpoint.</summary>
/// <param name="Endpoint">Method and path template.</param>
/// <param name="Count">Compared pairs that differed.</param>
/// <param name="Example">The first difference seen (secret-looking values redacted, capped in length).</param>
public sealed record DiffResults(string Endpoint, long Count, string Example);
