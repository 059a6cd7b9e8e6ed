using System.Net.Sockets;
using CliWrap;

namespace Bookiji.Actions.StandIns.Services;

/// <summary>A throwaway <c>redis-server</c> (Debian package) on a free loopback port, with a password, no persistence.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<CommandResult> _process;

    private RedisServer(int port, string password, Task<CommandResult> process)
    {
        Port = port;
        Password = password;
        _process = process;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The <c>requirepass</c> password.</summary>
    public string Password { get; }

    /// <summary><c>redis://:password@127.0.0.1:port/0</c>.</summary>
    public string Url => $"redis://:{Password}@127.0.0.1:{Port}/0";

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server).");
        var port = FreePort.Next();
        var password = Guid.NewGuid().ToString("N");
        var stop = new CancellationTokenSource();
        var process = Cli.Wrap(binary)
            .WithArguments(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--requirepass", password, "--daemonize", "no"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(CancellationToken.None, stop.Token);
        var server = new RedisServer(port, password, process.Task);
        server._stop.Token.Register(stop.Cancel);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"redis-server did not start on port {port}.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _process;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
