namespace Bookiji.Actions.Core.Http;

/// <summary>Why a request got no HTTP response, as <see cref="HttpErrors.Classify"/> names it.</summary>
public enum TransportError
{
    /// <summary>No response within the deadline.</summary>
    Timeout,

    /// <summary>The connection was refused (nothing listening).</summary>
    Refused,

    /// <summary>The connection was reset or closed before the response was complete.</summary>
    Reset,

    /// <summary>The host name did not resolve.</summary>
    Dns,

    /// <summary>The TLS handshake or the certificate failed.</summary>
    Tls,

    /// <summary>Any other transport failure.</summary>
    Other,
}
