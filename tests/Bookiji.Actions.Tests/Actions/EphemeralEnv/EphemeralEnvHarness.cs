using Bookiji.Actions.EphemeralEnv;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv;

/// <summary>Runs ephemeral-env through the local runner against the shared PostgreSQL, with a unique PR per test.</summary>
internal static class EphemeralEnvHarness
{
    private static int _nextPr = Random.Shared.Next(10_000, 90_000);

    public static readonly DateTimeOffset Now = new(2025, 12, 7, 10, 0, 0, TimeSpan.Zero);

    public static int NewPullRequest() => Interlocked.Increment(ref _nextPr);

    public static string PullRequestPayload(int number, string action = "synchronize") =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["action"] = action,
            ["number"] = number,
            ["pull_request"] = new System.Text.Json.Nodes.JsonObject
            {
                ["number"] = number,
                ["head"] = new System.Text.Json.Nodes.JsonObject { ["ref"] = "feature/booking", ["sha"] = "1234567890abcdef1234567890abcdef12345678" },
            },
        }.ToJsonString();

    public static async Task<ActionRunResult> RunAsync(
        TemporaryDirectory dir,
        Dictionary<string, string> with,
        int? pr = null,
        string prAction = "synchronize",
        Dictionary<string, string>? env = null,
        Dictionary<string, string>? github = null,
        DateTimeOffset? now = null,
        string? eventName = null,
        string? runDirectory = null)
    {
        var gh = new Dictionary<string, string> { ["repository"] = "bookiji/bookiji", ["sha"] = "d6fde92930d4715a2b49857d24b940956b26d2d3", ["run_id"] = "77" };
        foreach (var (k, v) in github ?? [])
        {
            gh[k] = v;
        }

        return await LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action("ephemeral-env"),
            Launcher = new InProcessLauncher(new EphemeralEnvAction(), new FakeTimeProvider(now ?? Now)),
            With = with,
            Env = env ?? [],
            EventName = eventName ?? (pr is null ? "push" : "pull_request"),
            EventPayload = pr is { } n ? PullRequestPayload(n, prAction) : "{}",
            GitHub = gh,
            RunDirectory = runDirectory ?? Path.Combine(dir.Path, Guid.NewGuid().ToString("N")[..8]),
            Workspace = dir.Combine("workspace"),
        });
    }

    public static async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        var server = await SharedServices.PostgresAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is T t ? t : default;
    }

    public static async Task<bool> SchemaExistsAsync(string schema) =>
        await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @n)", ("n", schema));

    public static async Task ExecuteAsync(string sql)
    {
        var server = await SharedServices.PostgresAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
