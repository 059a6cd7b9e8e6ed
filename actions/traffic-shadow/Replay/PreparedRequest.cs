using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// One sample request ready to send: everything that does not change between sends is worked out once, and both
/// URIs were checked to stay on their target's origin.
/// </summary>
/// <param name="Request">The sample request.</param>
/// <param name="Method">Its method.</param>
/// <param name="CanaryUri">The canary's URI: the canary's origin and path plus the request's origin-form path.</param>
/// <param name="BaselineUri">The baseline's URI, when there is a baseline and the method may go to it (baseline-methods); else the request goes to the canary only.</param>
/// <param name="Endpoint">The endpoint key the statistics group it under.</param>
/// <param name="Headers">The headers sent to the canary (Host aside), already checked to fit on header lines.</param>
/// <param name="BaselineHeaders">The headers sent to the baseline: the same recorded ones, with the baseline's own credential instead of the canary's.</param>
public sealed record PreparedRequest(TrafficRequest Request, HttpMethod Method, Uri CanaryUri, Uri? BaselineUri, string Endpoint, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> BaselineHeaders)
{
    /// <summary>The headers for one target.</summary>
    public IReadOnlyDictionary<string, string> HeadersFor(bool baseline) => baseline ? BaselineHeaders : Headers;
}
