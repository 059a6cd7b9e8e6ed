using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Redis;
using StackExchange.Redis;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>
/// Brief §2: a logical environment per pull request — PostgreSQL schema, base URL, Redis namespace and
/// descriptor — with its whole lifecycle: create, destroy on close, sweep what is closed or expired.
/// </summary>
public sealed partial class EphemeralEnvAction : IAction
{
    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => EphemeralEnvDefinition.Definition;

    /// <inheritdoc />
    public Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return EphemeralEnvInputs.Parse(runtime) switch
        {
            CreateInputs create => CreateAsync(runtime, create, cancellationToken),
            DestroyInputs destroy => DestroyAsync(runtime, destroy, cancellationToken),
            SweepInputs sweep => SweepAsync(runtime, sweep, cancellationToken),
            var other => throw new InvalidOperationException($"No mode handles {other.GetType().Name}."),
        };
    }

    /// <summary>
    /// Creates what can be created and writes the descriptor whatever happened to the database, Redis or the
    /// migrations (a consumer always finds one, with <c>schemaCreated</c> saying the truth); failures are reported after.
    /// </summary>
    private static async Task CreateAsync(ActionRuntime runtime, CreateInputs inputs, CancellationToken cancellationToken)
    {
        var names = inputs.Names;
        var now = runtime.Time.GetUtcNow();
        var marker = new OwnershipMarker
        {
            AppEnv = names.AppEnv,
            Repository = runtime.GitHub.Repository?.ToString(),
            PullRequest = inputs.PullRequest,
            CreatedAt = now,
            RunId = runtime.GitHub.RunId == 0 ? null : runtime.GitHub.RunId,
        };

        var outcome = new CreateOutcome();
        if (inputs.Database is { } database)
        {
            await CreateInDatabaseAsync(runtime, inputs, database, marker, outcome, cancellationToken);
        }
        else
        {
            outcome.SchemaError = "No database configured (input database-url or DATABASE_URL): the schema was not created.";
        }

        if (inputs.Redis is { } redis && names.RedisNamespace is { } ns)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Options);
                await RedisNamespace.MarkAsync(connection.GetDatabase(redis.Database), ns, marker.ToJson(), inputs.Ttl);
            }
            catch (RedisException ex)
            {
                outcome.RedisError = $"Redis: {ex.Message}";
            }
        }

        var descriptor = new EnvironmentDescriptor
        {
            AppEnv = names.AppEnv,
            SchemaName = names.SchemaName,
            BaseUrl = inputs.BaseUrl,
            RedisNamespace = names.RedisNamespace,
            CommitSha = inputs.CommitSha,
            Branch = inputs.Branch,
            CreatedAt = Timestamp(now),
            SchemaCreated = outcome.SchemaExists,
            SchemaError = outcome.SchemaError,
            PullRequest = inputs.PullRequest,
            // Only what exists expires: a schema never created has nothing for a sweep to remove.
            ExpiresAt = outcome.SchemaExists ? Timestamp(now + inputs.Ttl) : null,
            RoleName = outcome.RolePassword is null ? null : names.RoleName,
            MigrationsApplied = outcome.Migrations?.Applied,
        };
        var paths = await DescriptorFiles.WriteAsync(runtime, inputs, descriptor, cancellationToken);
        await EphemeralEnvReport.CreatedAsync(runtime, inputs, descriptor, outcome, paths, cancellationToken);
        ThrowIfCreateFailed(runtime, inputs, outcome, paths);
    }

    private static void ThrowIfCreateFailed(ActionRuntime runtime, CreateInputs inputs, CreateOutcome outcome, DescriptorPaths paths)
    {
        if (outcome.RedisError is not null)
        {
            runtime.Core.Warning(outcome.RedisError + " The namespace is still named in the descriptor.");
        }

        if (outcome.Migrations?.Failure is { } failure)
        {
            throw new ActionException(
                $"Migration {failure.File} failed at line {failure.Line}: {InertText.Code($"{failure.SqlState} {failure.Message}")}. It was rolled back; later files were not applied.")
            { Title = "migration failed" };
        }

        if (outcome.MigrationError is { } migrationError)
        {
            throw new ActionException(migrationError) { Title = "migrations not applied" };
        }

        if (inputs.Database is not null && outcome.SchemaError is not null)
        {
            throw new ActionException(outcome.SchemaError + " The descriptor was written with schemaCreated: false.") { Title = "schema not created" };
        }

        if (paths.Problems.Count > 0)
        {
            throw new ActionException(string.Join(" ", paths.Problems)) { Title = "descriptor not written" };
        }
    }

    internal static string Timestamp(DateTimeOffset time) =>
        Bookiji.Actions.Core.Toolkit.IsoTimestamp.Format(time);
}
