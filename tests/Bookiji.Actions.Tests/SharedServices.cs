using Bookiji.Actions.StandIns.Services;

namespace Bookiji.Actions.Tests;

/// <summary>Servers shared by the whole test run, started on first use and stopped at the end.</summary>
[SetUpFixture]
public sealed class SharedServices
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _postgres;
    private static RedisServer? _redis;

    /// <summary>The run's PostgreSQL server.</summary>
    public static async Task<PostgresServer> PostgresAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _postgres ??= await PostgresServer.StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The run's Redis server.</summary>
    public static async Task<RedisServer> RedisAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _redis ??= await RedisServer.StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
