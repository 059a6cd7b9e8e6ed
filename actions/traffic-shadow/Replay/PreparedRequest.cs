using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// One sample request ready to send: everything that does not change between sends is worked out once, and both
/// URIs were checked to stay on their target's origin.
/// </summary>
/// <param name="Request">The sample request.</param>
/// <param name="Method">Its method.</param>
/// <param name="CanaryUri">The canary's URI: the canary's origin and path plus the request's origin-form path.</param>
/// <param name="BaselineUri">The baseline's URI, when there is a baseline.</param>
/// <param name="Endpoint">The endpoint key the statistics group it under.</param>
/// <param name="Headers">The headers sent (Host aside), already checked to fit on header lines.</param>
public sealed record PreparedRequest(TrafficRequest Request, HttpMethod Method, Uri CanaryUri, Uri? BaselineUri, string Endpoint, IReadOnlyDictionary<string, string> Headers);
