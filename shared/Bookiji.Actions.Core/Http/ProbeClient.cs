using System.Net;
using System.Net.Security;

namespace Bookiji.Actions.Core.Http;

/// <summary>
/// An HTTP client for measuring a service as it is: no retries, no redirects followed (the <c>Location</c> is
/// reported), no decompression, no cookies, no proxy unless asked; timings from just before the send to the end of the body
/// (read on the caller's <see cref="TimeProvider"/>); bodies read with a bound (<see cref="BoundedBody"/>); every
/// transport failure returned as a <see cref="TransportError"/>, never thrown. For load generators (traffic-shadow)
/// and health probes (watchdog). Thread-safe; create one per run and share it.
/// </summary>
public sealed class ProbeClient : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly TimeProvider _time;
    private readonly ProbeClientOptions _options;

    /// <summary>Creates a client over its own <see cref="CreateHandler"/> handler (or <paramref name="handler"/>, which it then owns).</summary>
    public ProbeClient(ProbeClientOptions? options = null, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new ProbeClientOptions();
        _time = time ?? TimeProvider.System;
        // The invoker, not HttpClient: no response buffering and no timeout plumbing of its own on the hot path.
        _invoker = new HttpMessageInvoker(handler ?? CreateHandler(_options), disposeHandler: true);
    }

    /// <summary>The clock the timestamps of <see cref="ProbeResponse"/> come from.</summary>
    public TimeProvider Time => _time;

    /// <summary>The handler a probe uses: a pool of <see cref="ProbeClientOptions.MaxConnectionsPerServer"/>, nothing done behind the caller's back.</summary>
    public static SocketsHttpHandler CreateHandler(ProbeClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, options.MaxConnectionsPerServer),
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = options.UseProxy,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = options.ConnectTimeout,
            SslOptions = options.SkipTlsVerify ? new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true } : new(),
        };
    }

    /// <summary>Sends <paramref name="request"/> once, within <paramref name="timeout"/> (headers and body).</summary>
    public async Task<ProbeResponse> SendAsync(HttpRequestMessage request, ProbeBodyMode body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new ProbeDeadline(cancellationToken);
        return await SendAsync(request, body, deadline, timeout);
    }

    /// <summary>
    /// Sends <paramref name="request"/> once, timed by a reusable <paramref name="deadline"/> (one per worker).
    /// Throws only <see cref="OperationCanceledException"/>, when the deadline's outer token is cancelled.
    /// </summary>
    public async Task<ProbeResponse> SendAsync(HttpRequestMessage request, ProbeBodyMode body, ProbeDeadline deadline, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deadline);
        var token = deadline.Arm(timeout);
        var started = _time.GetTimestamp();
        try
        {
            using var response = await _invoker.SendAsync(request, token);
            var keep = body == ProbeBodyMode.Keep
                || (body == ProbeBodyMode.KeepJson && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
            BoundedBody? kept = null;
            if (body == ProbeBodyMode.KeepHead)
            {
                await using var stream = await response.Content.ReadAsStreamAsync(token);
                kept = await BoundedBody.ReadHeadAsync(stream, _options.MaxBodyBytes, token);
            }
            else if (keep)
            {
                await using var stream = await response.Content.ReadAsStreamAsync(token);
                kept = await BoundedBody.ReadAsync(stream, _options.MaxBodyBytes, token);
            }
            else
            {
                await response.Content.CopyToAsync(Stream.Null, token);
            }

            var status = (int)response.StatusCode;
            return new ProbeResponse(status, null, started, _time.GetTimestamp(), kept, status is >= 300 and < 400 ? response.Headers.Location : null);
        }
        catch (OperationCanceledException) when (!deadline.Outer.IsCancellationRequested)
        {
            return new ProbeResponse(null, TransportError.Timeout, started, _time.GetTimestamp(), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return new ProbeResponse(null, HttpErrors.Classify(ex), started, _time.GetTimestamp(), null);
        }
        finally
        {
            deadline.Disarm();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _invoker.Dispose();
}
