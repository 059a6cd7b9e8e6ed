using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.Watchdog.Probes;

/// <summary>
/// <see cref="IProbeClient"/> over one <see cref="SocketsHttpHandler"/>: redirects are not followed (an off-host
/// redirect must not carry the probe elsewhere), cookies are not kept, and the body is read only up to the bound.
/// </summary>
public sealed class SocketsProbeClient : IProbeClient, IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    /// <inheritdoc />
    public async Task<ProbeResponse> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(request.Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var message = new HttpRequestMessage(request.Method, request.Url);
            message.Headers.UserAgent.ParseAdd(ApiClient.UserAgent);
            message.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            if (request.BearerToken is { } token)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (request.Method == HttpMethod.Post)
            {
                message.Content = new ByteArrayContent([]);
            }

            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var (body, truncated) = await BoundedBody.ReadAsync(response.Content, request.MaxBodyBytes, attempt.Token);
            return new ProbeResponse((int)response.StatusCode, clock.Elapsed, body, truncated, RedirectHost(response), null, null);
        }
        catch (OperationCanceledException)
        {
            var why = cancellationToken.IsCancellationRequested ? "the run's deadline was reached" : $"no complete answer within {request.Timeout.TotalMilliseconds:0} ms";
            return ProbeResponse.Failed(clock.Elapsed, ProbeErrorKind.Timeout, why);
        }
#pragma warning disable CA1031 // A probe's every transport failure is a result to classify, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var (kind, text) = Classify(ex);
            return ProbeResponse.Failed(clock.Elapsed, kind, text);
        }
    }

    /// <summary>Maps a transport exception to its kind and a message that quotes nothing from the upstream.</summary>
    internal static (ProbeErrorKind Kind, string Message) Classify(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case AuthenticationException:
                    return (ProbeErrorKind.Tls, "TLS handshake failed (certificate or protocol)");
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return (ProbeErrorKind.Refused, "connection refused");
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }:
                    return (ProbeErrorKind.Reset, "connection reset");
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return (ProbeErrorKind.Dns, "host name did not resolve");
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return (ProbeErrorKind.Timeout, "connect timed out");
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return (ProbeErrorKind.Dns, "host name did not resolve");
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return (ProbeErrorKind.Tls, "TLS handshake failed (certificate or protocol)");
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                    return (ProbeErrorKind.Reset, "connection closed before a complete answer");
                case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse }:
                    return (ProbeErrorKind.Other, "invalid HTTP response");
                default:
                    break;
            }
        }

        return exception is IOException
            ? (ProbeErrorKind.Reset, "connection reset while reading")
            : (ProbeErrorKind.Other, $"transport error ({exception.GetType().Name})");
    }

    /// <summary>Only the host of a redirect is kept: the Location text is upstream-controlled.</summary>
    private static string? RedirectHost(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location.IdnHost : response.RequestMessage?.RequestUri?.IdnHost
            : null;

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
