using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.EphemeralEnv.Database;
using D = Bookiji.Actions.EphemeralEnv.EphemeralEnvDefinition;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>What <c>mode: sweep</c> needs: the database, the TTL rule and the GitHub API for PR states (no app env, no URL).</summary>
public sealed record SweepInputs : EphemeralEnvInputs
{
    public required DatabaseTarget Database { get; init; }

    /// <summary>How long an environment lives.</summary>
    public required TimeSpan Ttl { get; init; }

    /// <summary>The token for reading PR states; without one only the TTL rule applies.</summary>
    public string? GitHubToken { get; init; }

    /// <summary>How long the PR-state lookups may take in all.</summary>
    public required TimeSpan GitHubTimeout { get; init; }

    internal static SweepInputs? Parse(InputReader reader, CommonParts common, DatabaseTarget? database)
    {
        var ttl = reader.Read(D.Ttl);
        var token = reader.Read(D.GithubToken);
        var timeout = reader.Read(D.GithubTimeout);
        if (database is null || ttl is not { } lifetime || timeout is not { } deadline)
        {
            return null;
        }

        return new SweepInputs
        {
            SchemaPrefix = common.SchemaPrefix,
            RedisPrefix = common.RedisPrefix,
            Redis = common.Redis,
            Database = database,
            Ttl = lifetime,
            GitHubToken = string.IsNullOrEmpty(token) ? null : token,
            GitHubTimeout = deadline,
        };
    }
}
