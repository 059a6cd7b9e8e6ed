namespace Bookiji.Actions.Core.Http;

/// <summary>What one probe saw.</summary>
/// <param name="Status">The HTTP status, or null when there was no response.</param>
/// <param name="Error">Why there was no response (or it was cut short), if so.</param>
/// <param name="Started">The <see cref="TimeProvider"/> timestamp just before the request was sent.</param>
/// <param name="Ended">The timestamp once the whole body was read (or the failure seen).</param>
/// <param name="Body">The body, when kept (bounded: see <see cref="BoundedBody"/>).</param>
/// <param name="Location">The <c>Location</c> header of a redirect (redirects are never followed).</param>
public readonly record struct ProbeResponse(int? Status, TransportError? Error, long Started, long Ended, BoundedBody? Body, Uri? Location = null);
