using System.Net;
using System.Net.Sockets;
using System.Text;
using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

/// <summary>
/// The raw engine (the default for http:// targets) against hostile servers: seeded mutations of valid responses and
/// plain garbage, each from a real loopback socket. Every exchange must end in a status or a classified transport
/// error — never an exception, a hang or a body beyond max-body — and the engine must still work afterwards.
/// </summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RawHttpConnectionFuzzTests
{
    private const int Cases = 400;
    private const long MaxBody = 512;

    private static readonly string[] Templates =
    [
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"ok\"}",
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3\r\n 1}\r\n0\r\n\r\n",
        "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\nbusy",
        "HTTP/1.1 204 No Content\r\n\r\n",
        "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"until\":\"close\"}",
        "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nFFFFFFFFFFFFFFFF\r\nabc",
        "HTTP/1.1 200 OK\r\nContent-Length: -7\r\nContent-Type: application/json\r\n\r\n{}",
    ];

    private static readonly byte[] Request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray();

    /// <summary>The bytes of case <paramref name="index"/>: a template, then cut, flipped, spliced or replaced.</summary>
    private static byte[] Hostile(int index)
    {
        var random = new Random(index);
        var bytes = Encoding.ASCII.GetBytes(Templates[random.Next(Templates.Length)]).ToList();
        switch (random.Next(6))
        {
            case 0:
                bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                break;
            case 1:
                for (var i = 0; i < 1 + random.Next(8) && bytes.Count > 0; i++)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                break;
            case 2:
                bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Range(0, random.Next(1, 300)).Select(_ => (byte)random.Next(256)));
                break;
            case 3:
                // Headers or a chunk line longer than the 64 KiB buffer.
                bytes.InsertRange(Math.Min(17, bytes.Count), Encoding.ASCII.GetBytes("X-Pad: " + new string('a', 70_000 + random.Next(1000)) + "\r\n"));
                break;
            case 4:
                bytes = Enumerable.Range(0, random.Next(1, 200_000)).Select(_ => (byte)random.Next(256)).ToList();
                break;
            default:
                // A JSON body far over max-body.
                var body = "[" + string.Join(',', Enumerable.Repeat("\"xxxxxxxxxx\"", 5_000 + random.Next(5_000))) + "]";
                bytes = [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}")];
                break;
        }

        return [.. bytes];
    }

    private static async Task ServeAsync(TcpListener listener, Func<int, byte[]> answer, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            using var client = await listener.AcceptTcpClientAsync(cancellationToken);
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var read = 0;
            while (read < 4 || !buffer.AsSpan(0, read).EndsWith("\r\n\r\n"u8))
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            try
            {
                await stream.WriteAsync(answer(i), cancellationToken);
            }
            catch (IOException)
            {
                // The client gave up first (e.g. headers over its buffer): fine.
            }

            client.Client.Shutdown(SocketShutdown.Both);
        }
    }

    [Test]
    public async Task SendAsync_HostileResponses_EndInAStatusOrAClassifiedError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var server = ServeAsync(listener, i => i < Cases ? Hostile(i) : Encoding.ASCII.GetBytes(Templates[0]), Cases + 1, timeout.Token);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Cases; i++)
        {
            using var connection = new RawHttpConnection("127.0.0.1", port, MaxBody);
            RawResponse response;
            try
            {
                response = await connection.SendAsync(Request, isHead: false, keepJsonBody: true, long.MaxValue, timeout.Token);
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i}: {ex.GetType().Name} escaped: {ex.Message}");
                return;
            }

            Assert.That(response.Status is not null || response.Error is not null, Is.True, $"case {i}: neither a status nor an error");
            if (response.Body is { } body)
            {
                Assert.That(body.Bytes.Length, Is.LessThanOrEqualTo(MaxBody), $"case {i}: kept more than max-body");
            }

            var key = response.Error?.ToString() ?? "status " + response.Status;
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        }

        // Still a working client after all of that.
        using var healthy = new RawHttpConnection("127.0.0.1", port, MaxBody);
        var last = await healthy.SendAsync(Request, isHead: false, keepJsonBody: true, long.MaxValue, timeout.Token);
        Assert.Multiple(() =>
        {
            Assert.That(last.Status, Is.EqualTo(200));
            Assert.That(last.Body?.Text, Is.EqualTo("{\"status\":\"ok\"}"));
            Assert.That(outcomes.Keys.Count(k => k.StartsWith("status", StringComparison.Ordinal)), Is.GreaterThan(0), "some mutations stay valid responses");
            Assert.That(outcomes.Keys.Count(k => !k.StartsWith("status", StringComparison.Ordinal)), Is.GreaterThan(0), "some are transport errors: " + string.Join(", ", outcomes));
        });
        listener.Stop();
        await Task.WhenAny(server, Task.Delay(TimeSpan.FromSeconds(5)));
    }
}
