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

    /// <summary>Turns <c>redis://[:password@]host:port[/db]</c> (or a StackExchange.Redis configuration string) into options.</summary>
    public static (ConfigurationOptions? Options, string? Error) ParseUrl(string url)
    {
        ConfigurationOptions options;
        if (url.StartsWith("redis://", StringComparison.Ordinal) || url.StartsWith("rediss://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                return (null, "must be a URL like redis://:password@host:6379/0.");
            }

            options = new ConfigurationOptions { Ssl = uri.Scheme == "rediss" };
            options.EndPoints.Add(uri.Host, uri.Port > 0 ? uri.Port : 6379);
            var userInfo = uri.UserInfo.Split(':', 2);
            if (userInfo.Length == 2)
            {
                options.User = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null;
                options.Password = Uri.UnescapeDataString(userInfo[1]);
            }

            if (int.TryParse(uri.AbsolutePath.Trim('/'), out var db))
            {
                options.DefaultDatabase = db;
            }
        }
        else
        {
            try
            {
                options = ConfigurationOptions.Parse(url);
            }
            catch (ArgumentException)
            {
                return (null, "must be a URL like redis://:password@host:6379/0 or a StackExchange.Redis configuration string.");
            }
        }

        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        options.ConnectRetry = 2;
        options.AllowAdmin = false;
        return (options, null);
    }

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
