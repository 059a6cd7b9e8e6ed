using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>The answer a <see cref="RawHttpConnection"/> read.</summary>
/// <param name="Status">The status code, or null on a transport failure.</param>
/// <param name="Error">Why there was no (complete) response, as the core classifies it.</param>
/// <param name="Body">The body, when asked for and the response is JSON (bounded like <see cref="BoundedBody"/>).</param>
internal readonly record struct RawResponse(int? Status, TransportError? Error, BoundedBody? Body);

/// <summary>
/// A minimal HTTP/1.1 keep-alive client over one socket, for the <c>raw</c> engine: requests are bytes prepared
/// once, responses are parsed in place (status line, Content-Length or chunked, Connection: close). No TLS, no
/// redirects, no decompression — what a load generator like wrk does, and nothing a canary needs more. Request
/// bytes come from <see cref="RawRequestBytes"/> (headers already checked by <see cref="RequestPlanner"/>); bodies
/// kept for diffing are bounded by max-body.
/// </summary>
internal sealed partial class RawHttpConnection(string host, int port, long maxBodyBytes) : IDisposable
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private Socket? _socket;
    private int _start;
    private int _end;
    private long _deadline = long.MaxValue;
    private int _timedOut;

    /// <summary>
    /// Called by the shared <see cref="TimeoutSweeper"/>: past the request's deadline, close the socket so the
    /// pending read fails — one timer for all connections instead of one re-armed per request.
    /// </summary>
    public void AbortIfExpired(long now)
    {
        if (now >= Volatile.Read(ref _deadline) && Interlocked.Exchange(ref _timedOut, 1) == 0)
        {
            _socket?.Dispose();
        }
    }

    /// <summary>Sends one request and reads its whole response; <paramref name="deadline"/> is a timestamp.</summary>
    public async ValueTask<RawResponse> SendAsync(ReadOnlyMemory<byte> request, bool isHead, bool keepJsonBody, long deadline, CancellationToken cancellationToken)
    {
        // A sweep that fired just as the previous request finished may have closed the socket: start fresh then.
        if (Interlocked.Exchange(ref _timedOut, 0) == 1)
        {
            Close();
        }

        Volatile.Write(ref _deadline, deadline);
        try
        {
            return await SendCoreAsync(request, isHead, keepJsonBody, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _deadline, long.MaxValue);
            if (Volatile.Read(ref _timedOut) == 1)
            {
                Close();
            }
        }
    }

    private async ValueTask<RawResponse> SendCoreAsync(ReadOnlyMemory<byte> request, bool isHead, bool keepJsonBody, CancellationToken cancellationToken)
    {
        var reused = _socket is not null;
        try
        {
            return await ExchangeAsync(request, isHead, keepJsonBody, cancellationToken);
        }
        catch (Exception) when (Volatile.Read(ref _timedOut) == 1)
        {
            return new RawResponse(null, TransportError.Timeout, null);
        }
        catch (StaleConnectionException) when (reused)
        {
            // The server closed an idle keep-alive connection: one retry on a fresh one, as HttpClient does.
            Close();
            try
            {
                return await ExchangeAsync(request, isHead, keepJsonBody, cancellationToken);
            }
            catch (StaleConnectionException)
            {
                Close();
                return new RawResponse(null, TransportError.Reset, null);
            }
        }
        catch (StaleConnectionException)
        {
            Close();
            return new RawResponse(null, TransportError.Reset, null);
        }
        catch (OperationCanceledException)
        {
            Close();
            throw;
        }
        catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException or ObjectDisposedException)
        {
            Close();
            return new RawResponse(null, HttpErrors.Classify(ex), null);
        }
    }

    private async ValueTask<RawResponse> ExchangeAsync(ReadOnlyMemory<byte> request, bool isHead, bool keepJsonBody, CancellationToken cancellationToken)
    {
        var reused = _socket is not null;
        if (_socket is null)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(host, port, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            _socket = socket;
            _start = _end = 0;
        }

        try
        {
            await _socket.SendAsync(request, SocketFlags.None, cancellationToken);
        }
        catch (SocketException) when (reused)
        {
            throw new StaleConnectionException();
        }
        var headerEnd = await ReadUntilHeaderEndAsync(cancellationToken);
        var head = _buffer.AsSpan(_start, headerEnd - _start);
        var status = ParseStatus(head);
        long contentLength = -1;
        bool chunked = false, close = false, json = false;
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (name.SequenceEqual("Content-Length"u8) || Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                contentLength = Utf8Parser.TryParse(value, out long n, out _) ? n : throw new InvalidDataException("bad Content-Length");
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                chunked = value.IndexOf("chunked"u8) >= 0;
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
            else if (keepJsonBody && Ascii.EqualsIgnoreCase(name, "content-type"u8))
            {
                json = value.IndexOf("json"u8) >= 0;
            }
        }

        _start = headerEnd + 4;
        using var body = json ? new BoundedBodyBuilder(maxBodyBytes) : null;
        if (isHead || status is < 200 or 204 or 304)
        {
            // No body.
        }
        else if (chunked)
        {
            await ReadChunkedAsync(body, cancellationToken);
        }
        else if (contentLength >= 0)
        {
            await ReadExactlyAsync(contentLength, body, cancellationToken);
        }
        else
        {
            await ReadToCloseAsync(body, cancellationToken);
            close = true;
        }

        if (close)
        {
            Close();
        }

        return new RawResponse(status, null, body?.Build());
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _start = _end = 0;
    }

    /// <inheritdoc />
    public void Dispose() => Close();

    private sealed class StaleConnectionException : Exception;
}
