namespace Bookiji.Actions.Watchdog.Probes;

/// <summary>Why a probe got no HTTP answer (the classification the core's probe client will share).</summary>
public enum ProbeErrorKind
{
    /// <summary>No answer within the per-attempt timeout (or the run's deadline).</summary>
    Timeout,

    /// <summary>The connection was refused.</summary>
    Refused,

    /// <summary>The connection was reset or closed before a full answer.</summary>
    Reset,

    /// <summary>The TLS handshake failed (certificate, protocol).</summary>
    Tls,

    /// <summary>The host name did not resolve.</summary>
    Dns,

    /// <summary>Any other transport failure.</summary>
    Other,
}
