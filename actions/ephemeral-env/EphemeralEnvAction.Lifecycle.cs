using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;
using Bookiji.Actions.EphemeralEnv.Redis;
using Npgsql;
using StackExchange.Redis;

namespace Bookiji.Actions.EphemeralEnv;

public sealed partial class EphemeralEnvAction
{
    private static async Task DestroyAsync(ActionRuntime runtime, DestroyInputs inputs, CancellationToken cancellationToken)
    {
        var names = inputs.Names;
        DestroyResult result;
        try
        {
            await using var dataSource = PostgresDataSource.Create(inputs.Database.Builder.ConnectionString);
            result = await new SchemaManager(dataSource).DestroyAsync(names, runtime.GitHub.Repository?.ToString(), cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
        {
            throw new ActionException(DatabaseErrors.Describe(ex, inputs.Database) + " Nothing was dropped.") { Title = "destroy failed" };
        }

        var redisRemoved = await DeleteRedisAsync(runtime, inputs, [names], cancellationToken);
        await EphemeralEnvReport.DestroyedAsync(runtime, names, result, redisRemoved, cancellationToken);
    }

    private static async Task<long> DeleteRedisAsync(ActionRuntime runtime, EphemeralEnvInputs inputs, IReadOnlyList<EnvironmentNames> environments, CancellationToken cancellationToken)
    {
        if (inputs.Redis is not { } redis || environments.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Options);
            long removed = 0;
            foreach (var ns in environments.Select(e => e.RedisNamespace).OfType<string>())
            {
                removed += await RedisNamespace.DeleteAsync(connection, redis.Database, ns, cancellationToken);
            }

            return removed;
        }
        catch (RedisException ex)
        {
            runtime.Core.Warning($"Redis clean-up failed: {ex.Message}. Keys under the namespace may remain.");
            return 0;
        }
    }
}
