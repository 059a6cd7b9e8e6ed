using System.Buffers.Text;
using System.Net.Sockets;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>Response reading: headers, Content-Length and chunked bodies, buffer management.</summary>
internal sealed partial class RawHttpConnection
{
    private async ValueTask<int> ReadUntilHeaderEndAsync(CancellationToken cancellationToken)
    {
        var received = false;
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            if (at >= 0)
            {
                return _start + at;
            }

            if (!await FillAsync(cancellationToken))
            {
                // Nothing at all on a reused connection: the server had closed it.
                throw received ? new IOException("connection closed mid-response") : new StaleConnectionException();
            }

            received = true;
        }
    }

    private async ValueTask ReadExactlyAsync(long count, BoundedBodyBuilder? body, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new IOException("connection closed mid-body");
            }

            var take = (int)Math.Min(count, _end - _start);
            body?.Append(_buffer.AsSpan(_start, take));
            _start += take;
            count -= take;
        }
    }

    private async ValueTask ReadChunkedAsync(BoundedBodyBuilder? body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lineEnd = await ReadLineAsync(cancellationToken);
            var sizeText = _buffer.AsSpan(_start, lineEnd - _start);
            var semicolon = sizeText.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(semicolon >= 0 ? sizeText[..semicolon] : sizeText, out long size, out _, 'X'))
            {
                throw new InvalidDataException("bad chunk size");
            }

            _start = lineEnd + 2;
            if (size == 0)
            {
                // Trailers end with an empty line.
                while (true)
                {
                    var end = await ReadLineAsync(cancellationToken);
                    var empty = end == _start;
                    _start = end + 2;
                    if (empty)
                    {
                        return;
                    }
                }
            }

            await ReadExactlyAsync(size, body, cancellationToken);
            var crlf = await ReadLineAsync(cancellationToken);
            _start = crlf + 2;
        }
    }

    private async ValueTask<int> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (at >= 0)
            {
                return _start + at;
            }

            if (!await FillAsync(cancellationToken))
            {
                throw new IOException("connection closed mid-chunk");
            }
        }
    }

    private async ValueTask ReadToCloseAsync(BoundedBodyBuilder? body, CancellationToken cancellationToken)
    {
        do
        {
            body?.Append(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
        }
        while (await FillAsync(cancellationToken));
    }

    /// <summary>Reads more bytes after the unread ones (compacting first); false at end of stream.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new InvalidDataException("response headers exceed 64 KiB");
        }

        var read = await _socket!.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        _end += read;
        return read > 0;
    }

    private static int ParseStatus(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK"
        if (head.Length < 12 || !head.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
        {
            throw new InvalidDataException("not an HTTP/1.x response");
        }

        return status;
    }
}
