using System.Text.Json.Serialization;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>
/// The brief's environment descriptor (<c>env-descriptors/${APP_ENV}.json</c> and <c>.ephemeral-env.json</c>): its
/// seven fields first and always present, then what a serious user needs to know besides.
/// </summary>
public sealed record EnvironmentDescriptor
{
    /// <summary>The environment id, e.g. <c>pr_123</c>.</summary>
    [JsonPropertyName("appEnv")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string AppEnv { get; init; }

    /// <summary>The PostgreSQL schema.</summary>
    [JsonPropertyName("schemaName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string SchemaName { get; init; }

    /// <summary>The environment's URL, or null when no base-url-template is set.</summary>
    [JsonPropertyName("baseUrl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? BaseUrl { get; init; }

    /// <summary>The Redis key prefix, or null when Redis is not configured.</summary>
    [JsonPropertyName("redisNamespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? RedisNamespace { get; init; }

    /// <summary>The commit the environment is for (the PR head on pull_request events).</summary>
    [JsonPropertyName("commitSha")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? CommitSha { get; init; }

    [JsonPropertyName("branch")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Branch { get; init; }

    /// <summary>When this descriptor was written (ISO-8601 UTC).</summary>
    [JsonPropertyName("createdAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string CreatedAt { get; init; }

    /// <summary>Whether the schema exists (created now or before); false when the database was not configured or not reachable.</summary>
    [JsonPropertyName("schemaCreated")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool SchemaCreated { get; init; }

    /// <summary>Why the schema was not created, when it was not.</summary>
    [JsonPropertyName("schemaError")]
    public string? SchemaError { get; init; }

    /// <summary>The pull request number.</summary>
    [JsonPropertyName("prNumber")]
    public int? PullRequest { get; init; }

    /// <summary>When a sweep may remove the environment (created + ttl).</summary>
    [JsonPropertyName("expiresAt")]
    public string? ExpiresAt { get; init; }

    /// <summary>The least-privilege role owning the schema, when one was made.</summary>
    [JsonPropertyName("roleName")]
    public string? RoleName { get; init; }

    /// <summary>Migration files applied by this run.</summary>
    [JsonPropertyName("migrationsApplied")]
    public IReadOnlyList<string>? MigrationsApplied { get; init; }
}
