using StackExchange.Redis;

namespace Bookiji.Actions.EphemeralEnv.Redis;

/// <summary>
/// An environment's Redis namespace: a key prefix. Create writes a <c>{ns}:_bookiji_env</c> marker key (so the
/// namespace is visible and carries its TTL); destroy removes every key under <c>{ns}:</c> with SCAN + UNLINK.
/// </summary>
public static class RedisNamespace
{
    /// <summary>The marker key's suffix.</summary>
    public const string MarkerSuffix = ":_bookiji_env";

    /// <summary>Writes the namespace's marker key with the environment's TTL.</summary>
    public static async Task MarkAsync(IDatabase database, string ns, string markerJson, TimeSpan ttl) =>
        await database.StringSetAsync(ns + MarkerSuffix, markerJson, ttl);

    /// <summary>Removes every key under <c>{ns}:</c>; returns how many were removed.</summary>
    public static async Task<long> DeleteAsync(IConnectionMultiplexer redis, int database, string ns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redis);
        long removed = 0;
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }

            var batch = new List<RedisKey>(500);
            // The namespace is built from validated characters only, so it holds no glob metacharacters.
            await foreach (var key in server.KeysAsync(database, pattern: ns + ":*", pageSize: 1000).WithCancellation(cancellationToken))
            {
                batch.Add(key);
                if (batch.Count == 500)
                {
                    removed += await redis.GetDatabase(database).KeyDeleteAsync([.. batch], CommandFlags.None);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                removed += await redis.GetDatabase(database).KeyDeleteAsync([.. batch], CommandFlags.None);
            }
        }

        return removed;
    }
}
