namespace Bookiji.Actions.Watchdog.Probes;

/// <summary>One probe to send: never retried, never redirected, body read up to <paramref name="MaxBodyBytes"/>.</summary>
/// <param name="Method">GET or POST.</param>
/// <param name="Url">The absolute URL (built by <c>UserUrl.Join</c>, without user info).</param>
/// <param name="Timeout">Bound of the whole attempt: connect, headers and the bounded body.</param>
/// <param name="MaxBodyBytes">Most body bytes read; the rest is left unread.</param>
/// <param name="BearerToken">Sent as <c>Authorization: Bearer</c> (the remediation key); never logged or recorded.</param>
public sealed record ProbeRequest(HttpMethod Method, Uri Url, TimeSpan Timeout, int MaxBodyBytes, string? BearerToken = null);
