using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;
using Bookiji.Actions.EphemeralEnv.Redis;
using Bookiji.Actions.EphemeralEnv.Sweep;
using Npgsql;
using StackExchange.Redis;

namespace Bookiji.Actions.EphemeralEnv;

public sealed partial class EphemeralEnvAction
{
    private static async Task DestroyAsync(ActionRuntime runtime, EphemeralEnvInputs inputs, CancellationToken cancellationToken)
    {
        var names = inputs.Names!;
        var database = inputs.Database ?? throw new InputException("database-url", "Input 'database-url' (or DATABASE_URL) is required to destroy an environment.");
        DestroyResult result;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(database.Builder.ConnectionString);
            result = await new SchemaManager(dataSource).DestroyAsync(names, runtime.GitHub.Repository?.ToString(), cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
        {
            throw new ActionException(DatabaseErrors.Describe(ex, database) + " Nothing was dropped.") { Title = "destroy failed" };
        }

        var redisRemoved = await DeleteRedisAsync(runtime, inputs, [names], cancellationToken);
        await EphemeralEnvReport.DestroyedAsync(runtime, names, result, redisRemoved, cancellationToken);
    }

    private static async Task SweepAsync(ActionRuntime runtime, EphemeralEnvInputs inputs, CancellationToken cancellationToken)
    {
        var database = inputs.Database ?? throw new InputException("database-url", "Input 'database-url' (or DATABASE_URL) is required to sweep environments.");
        var repository = runtime.GitHub.Repository?.ToString();
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(database.Builder.ConnectionString);
            var manager = new SchemaManager(dataSource);
            var owned = await manager.ListOwnedAsync(inputs.SchemaPrefix, cancellationToken);
            IReadOnlyDictionary<int, bool> states = new Dictionary<int, bool>();
            var numbers = owned.Select(o => o.Marker.PullRequest).OfType<int>().ToList();
            if (numbers.Count > 0 && !string.IsNullOrEmpty(inputs.GitHubToken) && runtime.GitHub.Repository is not null)
            {
                (states, var problems) = await PullRequestStates.LookupAsync(runtime.GitHub, inputs.GitHubToken, numbers, cancellationToken);
                foreach (var problem in problems.Take(5))
                {
                    runtime.Core.Warning($"Could not read {problem}; that environment is kept unless its TTL passed.");
                }
            }
            else if (numbers.Count > 0)
            {
                runtime.Core.Warning("No github-token: PR states are unknown, so only environments past their TTL are removed.");
            }

            var decisions = SweepPlanner.Plan(owned, repository, runtime.Time.GetUtcNow(), inputs.Ttl, states);
            var removed = new System.Collections.Concurrent.ConcurrentBag<EnvironmentNames>();
            await Parallel.ForEachAsync(decisions.Where(d => d.Remove), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (decision, ct) =>
            {
                var names = EnvironmentNames.ForExisting(decision.SchemaName, decision.AppEnv, inputs.SchemaPrefix, inputs.Redis is null ? null : inputs.RedisPrefix);
                await manager.DestroyAsync(names, repository, ct);
                removed.Add(names);
            });
            var redisRemoved = await DeleteRedisAsync(runtime, inputs, [.. removed], cancellationToken);
            await EphemeralEnvReport.SweptAsync(runtime, decisions, redisRemoved, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
        {
            throw new ActionException(DatabaseErrors.Describe(ex, database)) { Title = "sweep failed" };
        }
    }

    private static async Task<long> DeleteRedisAsync(ActionRuntime runtime, EphemeralEnvInputs inputs, IReadOnlyList<EnvironmentNames> environments, CancellationToken cancellationToken)
    {
        if (inputs.Redis is not { } options || environments.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            long removed = 0;
            foreach (var ns in environments.Select(e => e.RedisNamespace).OfType<string>())
            {
                removed += await RedisNamespace.DeleteAsync(redis, options.DefaultDatabase ?? 0, ns, cancellationToken);
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
