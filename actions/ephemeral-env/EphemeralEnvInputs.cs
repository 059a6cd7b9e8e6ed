using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;
using Bookiji.Actions.EphemeralEnv.Redis;
using StackExchange.Redis;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>The action's inputs, validated together; names are built only from validated parts.</summary>
public sealed record EphemeralEnvInputs
{
    /// <summary>What to do.</summary>
    public required EnvMode Mode { get; init; }

    /// <summary>The environment's names (null in sweep mode, which works on every environment).</summary>
    public EnvironmentNames? Names { get; init; }

    /// <summary>The pull request number, when known.</summary>
    public int? PullRequest { get; init; }

    /// <summary>The database, when configured.</summary>
    public DatabaseTarget? Database { get; init; }

    /// <summary>Redis, when configured.</summary>
    public ConfigurationOptions? Redis { get; init; }

    /// <summary>The Redis key prefix (default <c>bookiji:</c>).</summary>
    public required string RedisPrefix { get; init; }

    /// <summary>The schema prefix (default <c>bookiji_</c>).</summary>
    public required string SchemaPrefix { get; init; }

    /// <summary>Make a least-privilege login role owning the schema.</summary>
    public bool CreateRole { get; init; }

    /// <summary>The migrations folder (absolute), when given.</summary>
    public string? MigrationsPath { get; init; }

    /// <summary>How long an environment lives before a sweep removes it.</summary>
    public TimeSpan Ttl { get; init; }

    /// <summary>The token for the GitHub API (sweep).</summary>
    public string? GitHubToken { get; init; }

    /// <summary>The folder for <c>${APP_ENV}.json</c> (absolute).</summary>
    public required string DescriptorDirectory { get; init; }

    /// <summary>The app-facing descriptor path (absolute), <c>.ephemeral-env.json</c> by default.</summary>
    public required string AppDescriptorPath { get; init; }

    /// <summary>The commit the environment is for.</summary>
    public string? CommitSha { get; init; }

    /// <summary>The branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Reads and validates every input at once.</summary>
    public static EphemeralEnvInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var github = runtime.GitHub;
        var reader = new InputReader(runtime.Core);
        var mode = ResolveMode(reader.Choice("mode", "auto", ["auto", "create", "destroy", "sweep"]), github.EventName, github.PayloadAction);
        var pr = github.PullRequestNumber ?? (github.EventName.StartsWith("pull_request", StringComparison.Ordinal) ? github.IssueNumber : null);

        var schemaPrefix = reader.String("schema-prefix", defaultValue: "bookiji_")!;
        if (EnvironmentNaming.ValidateSchemaPrefix(schemaPrefix) is { } prefixError)
        {
            reader.AddError("schema-prefix", $"Input 'schema-prefix' {prefixError}");
        }

        var redisPrefix = reader.String("redis-prefix", defaultValue: "bookiji:")!;
        if (EnvironmentNaming.ValidateRedisPrefix(redisPrefix) is { } redisPrefixError)
        {
            reader.AddError("redis-prefix", $"Input 'redis-prefix' {redisPrefixError}");
        }

        var databaseUrl = reader.Secret("database-url", envFallback: "DATABASE_URL");
        DatabaseTarget? database = null;
        if (!string.IsNullOrEmpty(databaseUrl))
        {
            (database, var dbError) = DatabaseTarget.Parse(databaseUrl);
            if (dbError is not null)
            {
                // The value is a secret: name the input and the expected form, never the value.
                reader.AddError("database-url", $"Input 'database-url' (or DATABASE_URL) {dbError}");
            }
            else if (database!.Builder.Password is { Length: > 0 } password)
            {
                runtime.Core.SetSecret(password);
                runtime.Core.SetSecret(Uri.EscapeDataString(password));
            }
        }

        var redisUrl = reader.Secret("redis-url", envFallback: "REDIS_URL");
        ConfigurationOptions? redis = null;
        if (!string.IsNullOrEmpty(redisUrl))
        {
            (redis, var redisError) = RedisNamespace.ParseUrl(redisUrl);
            if (redisError is not null)
            {
                reader.AddError("redis-url", $"Input 'redis-url' (or REDIS_URL) {redisError}");
            }
            else if (redis!.Password is { Length: > 0 } redisPassword)
            {
                runtime.Core.SetSecret(redisPassword);
            }
        }

        var template = reader.String("base-url-template", defaultValue: "https://pr-{number}.bookiji.com")!;
        var appEnvText = reader.String("app-env", envFallback: "APP_ENV") ?? (pr is { } number ? $"pr_{number}" : null);
        EnvironmentNames? names = null;
        if (mode != EnvMode.Sweep)
        {
            if (appEnvText is null)
            {
                reader.AddError("app-env", "Input 'app-env' (or APP_ENV) is required outside pull_request events; set it like pr_123 or staging_1.");
            }
            else if (EnvironmentNaming.ValidateAppEnv(appEnvText) is { } appEnvError)
            {
                reader.AddError("app-env", $"Input 'app-env' (or APP_ENV) {appEnvError} Nothing was executed.");
            }
            else if (reader.Errors.Count == 0)
            {
                (names, var templateError) = EnvironmentNaming.Build(appEnvText, schemaPrefix, template, redis is null ? null : redisPrefix, pr, github.Branch);
                if (templateError is not null)
                {
                    reader.AddError("base-url-template", $"Input 'base-url-template' {templateError}");
                }
            }
        }

        var createRole = reader.Boolean("create-role", false);
        var migrations = reader.String("migrations-path");
        string? migrationsPath = null;
        if (!string.IsNullOrEmpty(migrations))
        {
            migrationsPath = runtime.ResolvePath(migrations);
            if (!Directory.Exists(migrationsPath))
            {
                reader.AddError("migrations-path", $"Input 'migrations-path' must name a folder of .sql files in the workspace; '{migrations}' does not exist.");
            }
        }

        var ttl = reader.Duration("ttl", TimeSpan.FromDays(7), TimeSpan.FromMinutes(5), TimeSpan.FromDays(365));
        var token = reader.Secret("github-token", envFallback: "GITHUB_TOKEN");
        var descriptorDir = runtime.ResolvePath(reader.String("descriptor-dir", defaultValue: "env-descriptors")!);
        var appDescriptor = runtime.ResolvePath(reader.String("descriptor-file", defaultValue: ".ephemeral-env.json")!);
        reader.ThrowIfInvalid();
        return new EphemeralEnvInputs
        {
            Mode = mode,
            Names = names,
            PullRequest = pr,
            Database = database,
            Redis = redis,
            RedisPrefix = redisPrefix,
            SchemaPrefix = schemaPrefix,
            CreateRole = createRole,
            MigrationsPath = migrationsPath,
            Ttl = ttl,
            GitHubToken = token,
            DescriptorDirectory = descriptorDir,
            AppDescriptorPath = appDescriptor,
            CommitSha = github.PullRequestHeadSha ?? (github.Sha.Length > 0 ? github.Sha : null),
            Branch = github.Branch,
        };
    }

    /// <summary><c>auto</c>: a closed PR destroys, a schedule sweeps, anything else creates.</summary>
    internal static EnvMode ResolveMode(string mode, string eventName, string? payloadAction) => mode switch
    {
        "create" => EnvMode.Create,
        "destroy" => EnvMode.Destroy,
        "sweep" => EnvMode.Sweep,
        _ when eventName.StartsWith("pull_request", StringComparison.Ordinal) && payloadAction == "closed" => EnvMode.Destroy,
        _ when eventName == "schedule" => EnvMode.Sweep,
        _ => EnvMode.Create,
    };
}
