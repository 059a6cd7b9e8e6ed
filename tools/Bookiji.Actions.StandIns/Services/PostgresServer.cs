using CliWrap;
using CliWrap.Buffered;
using Npgsql;

namespace Bookiji.Actions.StandIns.Services;

/// <summary>
/// A throwaway PostgreSQL server on a free loopback port, made with <c>initdb</c> + <c>pg_ctl</c> in a temp
/// folder (as the <c>postgres</c> user when running as root, since PostgreSQL refuses to run as root), with
/// password authentication over TCP. <see cref="UseExistingVariable"/> names a server to use instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>When set to a <c>postgres://</c> URL, tests use that server instead of starting one.</summary>
    public const string UseExistingVariable = "BOOKIJI_TEST_DATABASE_URL";

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string databaseUrl, string? dataDirectory, string? binDirectory, bool asPostgresUser)
    {
        DatabaseUrl = databaseUrl;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>The superuser's URL: <c>postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres</c> (a secret in tests too).</summary>
    public string DatabaseUrl { get; }

    /// <summary>The same server as an Npgsql connection string.</summary>
    public string ConnectionString => ToConnectionString(DatabaseUrl);

    /// <summary>Converts a <c>postgres://user:pass@host:port/db</c> URL to an Npgsql connection string.</summary>
    public static string ToConnectionString(string databaseUrl)
    {
        var uri = new Uri(databaseUrl);
        var userInfo = uri.UserInfo.Split(':', 2);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(userInfo[0]),
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? db : "postgres",
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>Starts a server (or wraps the one named by <see cref="UseExistingVariable"/>) and waits until it answers.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(UseExistingVariable) is { Length: > 0 } existing)
        {
            return new PostgresServer(existing, null, null, false);
        }

        var bin = FindBinDirectory();
        var asPostgres = Environment.UserName == "root";
        var data = Path.Combine(Path.GetTempPath(), $"bookiji-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var pwFile = Path.Combine(data, "..", $"pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(pwFile, password + "\n", cancellationToken);
        if (asPostgres)
        {
            await Cli.Wrap("chown").WithArguments(["-R", "postgres:postgres", data, pwFile]).ExecuteBufferedAsync(cancellationToken);
        }

        var cluster = Path.Combine(data, "cluster");
        try
        {
            await RunAsync(asPostgres, Path.Combine(bin, "initdb"),
                ["-D", cluster, "-U", "postgres", "--pwfile", pwFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"],
                cancellationToken);
        }
        finally
        {
            File.Delete(pwFile);
        }

        var port = FreePort.Next();
        await RunAsync(asPostgres, Path.Combine(bin, "pg_ctl"),
            ["-D", cluster, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "-o",
             $"-p {port} -c listen_addresses=127.0.0.1 -k {data} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
             "start"],
            cancellationToken);
        var server = new PostgresServer($"postgres://postgres:{password}@127.0.0.1:{port}/postgres", cluster, bin, asPostgres);
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return server;
    }

    private static string FindBinDirectory()
    {
        var root = "/usr/lib/postgresql";
        var candidate = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return candidate ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries under {root}: install them (apt-get install postgresql) or set {UseExistingVariable}.");
    }

    private static async Task RunAsync(bool asPostgres, string program, string[] arguments, CancellationToken cancellationToken)
    {
        var command = asPostgres
            ? Cli.Wrap("runuser").WithArguments(["-u", "postgres", "--", program, .. arguments])
            : Cli.Wrap(program).WithArguments(arguments);
        var result = await command.WithWorkingDirectory(Path.GetTempPath()).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({result.ExitCode}): {result.StandardError}{result.StandardOutput}");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }

        try
        {
            await RunAsync(_asPostgresUser, Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
        }
    }
}
