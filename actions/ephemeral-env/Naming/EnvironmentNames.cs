namespace Bookiji.Actions.EphemeralEnv.Naming;

/// <summary>Every database and Redis name one environment uses, derived from validated parts only.</summary>
/// <param name="AppEnv">The environment id, e.g. <c>pr_123</c>.</param>
/// <param name="SchemaName">The PostgreSQL schema, e.g. <c>bookiji_pr_123</c> (≤ 63 bytes).</param>
/// <param name="RoleName">The least-privilege role, e.g. <c>bookiji_pr_123_owner</c> (≤ 63 bytes).</param>
/// <param name="RedisNamespace">The Redis key prefix, e.g. <c>bookiji:pr_123</c>, when Redis is configured.</param>
/// <param name="LockKey">The advisory-lock key serializing every change to this environment.</param>
public sealed record EnvironmentNames(string AppEnv, string SchemaName, string RoleName, string? RedisNamespace, long LockKey)
{
    /// <summary>The names of an environment found in the database by a sweep (its URL is not needed to remove it).</summary>
    public static EnvironmentNames ForExisting(string schemaName, string appEnv, string schemaPrefix, string? redisPrefix) =>
        new(appEnv, schemaName, StableHash.Shorten(schemaPrefix + appEnv + "_owner", EnvironmentNaming.MaxIdentifierBytes, '_'),
            redisPrefix is null ? null : redisPrefix + appEnv, StableHash.LockKey(schemaName));
}
