using System.Globalization;
using System.Net.Http.Headers;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.Watchdog.Probes;

/// <summary>
/// How the watchdog uses the core's <see cref="ProbeClient"/>: one attempt, no retries, redirects reported not
/// followed, the body read only up to the bound (<see cref="ProbeBodyMode.KeepHead"/>). Confirmation retries live
/// above it (<see cref="Checks.CheckRunner"/>).
/// </summary>
public static class Probe
{
    /// <summary>The run's one client: a connection per parallel check, connect bounded by the attempt's timeout.</summary>
    public static ProbeClient CreateClient(ProbeSettings settings, int parallel, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ProbeClient(
            new ProbeClientOptions
            {
                MaxConnectionsPerServer = parallel,
                ConnectTimeout = settings.Timeout,
                MaxBodyBytes = settings.MaxBodyBytes,
                // A runner behind a proxy reaches production through it, as any HTTP client on it would.
                UseProxy = true,
            },
            time);
    }

    /// <summary>
    /// Sends one <paramref name="method"/> to <paramref name="url"/> within the attempt's timeout. Transport failures
    /// come back classified; only the run's own cancellation throws.
    /// </summary>
    /// <param name="client">The run's client.</param>
    /// <param name="method">GET or POST (sent with an empty body).</param>
    /// <param name="url">The absolute URL (built by <c>UserUrl.Join</c>, without user info).</param>
    /// <param name="settings">The attempt's timeout.</param>
    /// <param name="bearerToken">Sent as <c>Authorization: Bearer</c> (the remediation key); never logged or recorded.</param>
    /// <param name="cancellationToken">The run's deadline.</param>
    public static async Task<ProbeResponse> SendAsync(ProbeClient client, HttpMethod method, Uri url, ProbeSettings settings, string? bearerToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        using var message = new HttpRequestMessage(method, url);
        message.Headers.UserAgent.ParseAdd(ApiClient.UserAgent);
        message.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        if (bearerToken is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        if (method == HttpMethod.Post)
        {
            message.Content = new ByteArrayContent([]);
        }

        return await client.SendAsync(message, ProbeBodyMode.KeepHead, settings.Timeout, cancellationToken);
    }

    /// <summary>The error as the result and the log show it: its kind and a message that quotes nothing from the upstream.</summary>
    public static string Describe(TransportError error, TimeSpan timeout) =>
        $"{Kind(error)}: " + error switch
        {
            TransportError.Timeout => string.Create(CultureInfo.InvariantCulture, $"no complete answer within {timeout.TotalMilliseconds:0} ms"),
            TransportError.Refused => "connection refused",
            TransportError.Reset => "connection reset or closed before a complete answer",
            TransportError.Dns => "host name did not resolve",
            TransportError.Tls => "TLS handshake failed (certificate or protocol)",
            _ => "transport error",
        };

    /// <summary>The run's deadline fell before an answer came.</summary>
    public static string DeadlineReached => $"{Kind(TransportError.Timeout)}: the run's deadline was reached";

    /// <summary>The error kind as the result file names it (<c>timeout</c>, <c>refused</c>, <c>reset</c>, <c>tls</c>, <c>dns</c>, <c>other</c>).</summary>
    public static string Kind(TransportError error) => error.ToString().ToLowerInvariant();

    /// <summary>For a 3xx: only the host its <c>Location</c> names (the text is upstream-controlled; the redirect is never followed).</summary>
    public static string? RedirectHost(ProbeResponse response, Uri requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return response.Location is not { } location ? null
            : location.IsAbsoluteUri ? location.IdnHost : requested.IdnHost;
    }
}
