using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;
using Bookiji.Actions.EphemeralEnv.Redis;
using D = Bookiji.Actions.EphemeralEnv.EphemeralEnvDefinition;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>
/// The action's inputs, one record per mode (<see cref="CreateInputs"/>, <see cref="DestroyInputs"/>,
/// <see cref="SweepInputs"/>), validated together in <see cref="Parse"/>: a mode's requirement is reported with
/// every other bad input, and a record holds exactly what its mode needs. Parse reads no file.
/// </summary>
public abstract record EphemeralEnvInputs
{
    /// <summary>The schema prefix (default: from the repository's name).</summary>
    public required string SchemaPrefix { get; init; }

    /// <summary>Redis, when configured.</summary>
    public RedisTarget? Redis { get; init; }

    /// <summary>The Redis key prefix (default: from the repository's name).</summary>
    public required string RedisPrefix { get; init; }

    /// <summary>The Redis prefix when Redis is configured, else null (no namespace).</summary>
    public string? RedisPrefixInUse => Redis is null ? null : RedisPrefix;

    /// <summary>Reads and validates every input the resolved mode uses, reporting all problems at once.</summary>
    public static EphemeralEnvInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var github = runtime.GitHub;
        var reader = new InputReader(runtime.Core);
        var mode = ResolveMode(reader.Read(D.Mode), github.EventName, github.PayloadAction);
        var repositoryName = github.Repository?.Name;
        var schemaPrefix = Validated(reader, D.SchemaPrefix, EnvironmentNaming.ValidateSchemaPrefix, repositoryName is null ? null : EnvironmentNaming.DefaultSchemaPrefix(repositoryName));
        var redisPrefix = Validated(reader, D.RedisPrefix, EnvironmentNaming.ValidateRedisPrefix, repositoryName is null ? null : EnvironmentNaming.DefaultRedisPrefix(repositoryName));
        var database = SecretUrlInput.Read(reader, runtime.Core, D.DatabaseUrl, DatabaseTarget.Parse);
        var redis = SecretUrlInput.Read(reader, runtime.Core, D.RedisUrl, RedisTarget.Parse);
        var common = new CommonParts(schemaPrefix, redisPrefix, redis);
        EphemeralEnvInputs? inputs = mode switch
        {
            EnvMode.Sweep => SweepInputs.Parse(reader, common, RequireDatabase(reader, database, "sweep environments")),
            EnvMode.Destroy => DestroyInputs.Parse(reader, runtime, common, RequireDatabase(reader, database, "destroy an environment")),
            _ => CreateInputs.Parse(reader, runtime, common, database),
        };
        reader.ThrowIfInvalid();
        return inputs ?? throw new InvalidOperationException("An input was invalid but no error was recorded; this is a bug.");
    }

    /// <summary><c>auto</c>: a closed PR destroys, a schedule sweeps, anything else creates.</summary>
    internal static EnvMode ResolveMode(EnvMode mode, string eventName, string? payloadAction) => mode switch
    {
        EnvMode.Auto when eventName.StartsWith("pull_request", StringComparison.Ordinal) && payloadAction == "closed" => EnvMode.Destroy,
        EnvMode.Auto when eventName == "schedule" => EnvMode.Sweep,
        EnvMode.Auto => EnvMode.Create,
        _ => mode,
    };

    /// <summary>
    /// The environment's id and pull request: <c>app-env</c> (or <c>APP_ENV</c>), else <c>pr_N</c> of the
    /// pull_request event; the number comes from the event, else from an id of the form <c>pr_N</c>.
    /// </summary>
    internal static (string AppEnv, int? PullRequest)? ReadAppEnv(InputReader reader, ActionRuntime runtime)
    {
        var github = runtime.GitHub;
        var eventPr = github.PullRequestNumber ?? (github.EventName.StartsWith("pull_request", StringComparison.Ordinal) ? github.IssueNumber : null);
        var appEnv = reader.Read(D.AppEnv) ?? (eventPr is { } number ? $"pr_{number}" : null);
        if (appEnv is null)
        {
            reader.AddError(D.AppEnv.Name, $"{D.AppEnv.Describe()} is required outside pull_request events; set it like pr_123 or staging_1.");
            return null;
        }

        if (EnvironmentNaming.ValidateAppEnv(appEnv) is { } error)
        {
            reader.AddError(D.AppEnv.Name, $"{D.AppEnv.Describe()} {error} Nothing was executed.");
            return null;
        }

        return (appEnv, eventPr ?? EnvironmentNaming.PullRequestOf(appEnv));
    }

    private static DatabaseTarget? RequireDatabase(InputReader reader, DatabaseTarget? database, string purpose)
    {
        if (database is null && !reader.IsSet(D.DatabaseUrl))
        {
            reader.AddError(D.DatabaseUrl.Name, $"{D.DatabaseUrl.Describe()} is required to {purpose}.");
        }

        return database;
    }

    private static string Validated(InputReader reader, Core.Definition.TextInput input, Func<string, string?> validate, string? fallback)
    {
        if ((reader.Read(input) ?? fallback) is not { } value)
        {
            reader.AddError(input.Name, $"{input.Describe()} is required when GITHUB_REPOSITORY is not set (its default is derived from the repository's name).");
            return string.Empty;
        }

        if (validate(value) is { } error)
        {
            reader.AddError(input.Name, $"{input.Describe()} {error}");
        }

        return value;
    }
}
