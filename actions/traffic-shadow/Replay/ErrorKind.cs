namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>How a request failed, if it did: HTTP errors split 4xx/5xx, transport errors by cause.</summary>
public enum ErrorKind
{
    /// <summary>A 1xx–3xx response.</summary>
    None,

    /// <summary>A 4xx response.</summary>
    Client4xx,

    /// <summary>A 5xx response.</summary>
    Server5xx,

    /// <summary>No response within the per-request timeout.</summary>
    Timeout,

    /// <summary>Connection refused.</summary>
    Refused,

    /// <summary>Connection reset or closed mid-response.</summary>
    Reset,

    /// <summary>The host name did not resolve.</summary>
    Dns,

    /// <summary>TLS handshake or certificate failure.</summary>
    Tls,

    /// <summary>Any other transport failure.</summary>
    OtherTransport,
}
