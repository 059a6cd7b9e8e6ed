using System.Globalization;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Redis;
using Npgsql;
using StackExchange.Redis;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>
/// Brief §2: a logical environment per pull request — PostgreSQL schema, base URL, Redis namespace and
/// descriptor — with its whole lifecycle: create, destroy on close, sweep what is closed or expired.
/// </summary>
public sealed partial class EphemeralEnvAction : IAction
{
    /// <inheritdoc />
    public string Name => Definition.Name;

    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => EphemeralEnvDefinition.Definition;

    /// <inheritdoc />
    public Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var inputs = EphemeralEnvInputs.Parse(runtime);
        return inputs.Mode switch
        {
            EnvMode.Create => CreateAsync(runtime, inputs, cancellationToken),
            EnvMode.Destroy => DestroyAsync(runtime, inputs, cancellationToken),
            _ => SweepAsync(runtime, inputs, cancellationToken),
        };
    }

    private static async Task CreateAsync(ActionRuntime runtime, EphemeralEnvInputs inputs, CancellationToken cancellationToken)
    {
        var names = inputs.Names!;
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
            // The role's password comes from the injected random source; it is masked before anything prints.
            var password = inputs.CreateRole ? runtime.NewGuid().ToString("N") + runtime.NewGuid().ToString("N") : null;
            if (password is not null)
            {
                runtime.Core.SetSecret(password);
            }

            try
            {
                await using var dataSource = NpgsqlDataSource.Create(database.Builder.ConnectionString);
                outcome.Schema = await new SchemaManager(dataSource).CreateAsync(names, marker, password, cancellationToken);
                outcome.RolePassword = password;
                if (inputs.MigrationsPath is { } folder)
                {
                    outcome.Migrations = await new MigrationRunner(dataSource).ApplyAsync(names, MigrationFile.LoadFolder(folder), password is not null, cancellationToken);
                }
            }
            catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
            {
                outcome.SchemaError = DatabaseErrors.Describe(ex, database);
            }
            catch (ActionException ex)
            {
                outcome.SchemaError = ex.Message;
            }
        }
        else
        {
            outcome.SchemaError = "No database configured (input database-url or DATABASE_URL): the schema was not created.";
        }

        if (inputs.Redis is { } redisOptions && names.RedisNamespace is { } ns)
        {
            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
                await RedisNamespace.MarkAsync(redis.GetDatabase(), ns, marker.ToJson(), inputs.Ttl);
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
            BaseUrl = names.BaseUrl!.AbsoluteUri,
            RedisNamespace = names.RedisNamespace,
            CommitSha = inputs.CommitSha,
            Branch = inputs.Branch,
            CreatedAt = Timestamp(now),
            SchemaCreated = outcome.Schema is not null && outcome.SchemaError is null,
            SchemaError = outcome.SchemaError,
            PullRequest = inputs.PullRequest,
            ExpiresAt = Timestamp(now + inputs.Ttl),
            RoleName = outcome.RolePassword is null ? null : names.RoleName,
            MigrationsApplied = outcome.Migrations?.Applied,
        };
        var paths = await DescriptorFiles.WriteAsync(inputs, descriptor, cancellationToken);
        await EphemeralEnvReport.CreatedAsync(runtime, inputs, descriptor, outcome, paths, cancellationToken);

        if (outcome.Migrations?.Failure is { } failure)
        {
            throw new ActionException(
                $"Migration {failure.File} failed at line {failure.Line}: {failure.SqlState} {failure.Message}. It was rolled back; later files were not applied.")
            { Title = "migration failed" };
        }

        if (inputs.Database is not null && outcome.SchemaError is not null)
        {
            throw new ActionException(outcome.SchemaError + " The descriptor was written with schemaCreated: false.") { Title = "schema not created" };
        }

        if (outcome.RedisError is not null)
        {
            runtime.Core.Warning(outcome.RedisError + " The namespace is still named in the descriptor.");
        }
    }

    internal static string Timestamp(DateTimeOffset time) =>
        Bookiji.Actions.Core.Toolkit.IsoTimestamp.Format(time);
}
