namespace Bookiji.Actions.Watchdog.Probes;

/// <summary>What one probe saw: an HTTP answer, or a classified transport error.</summary>
/// <param name="StatusCode">The HTTP status, when an answer came.</param>
/// <param name="Elapsed">From send to the end of the bounded body read (or to the failure).</param>
/// <param name="Body">The body bytes read (at most the request's bound).</param>
/// <param name="BodyTruncated">True when the body was longer than the bound and was cut.</param>
/// <param name="RedirectHost">For a 3xx: the host its Location names (the redirect is never followed).</param>
/// <param name="ErrorKind">The transport error, when no answer came.</param>
/// <param name="ErrorMessage">A short, upstream-text-free description of the error.</param>
public sealed record ProbeResponse(
    int? StatusCode,
    TimeSpan Elapsed,
    ReadOnlyMemory<byte> Body,
    bool BodyTruncated,
    string? RedirectHost,
    ProbeErrorKind? ErrorKind,
    string? ErrorMessage)
{
    /// <summary>True when no HTTP answer came at all.</summary>
    public bool IsTransportError => ErrorKind is not null;

    /// <summary>A transport failure.</summary>
    public static ProbeResponse Failed(TimeSpan elapsed, ProbeErrorKind kind, string message) =>
        new(null, elapsed, ReadOnlyMemory<byte>.Empty, false, null, kind, message);
}
