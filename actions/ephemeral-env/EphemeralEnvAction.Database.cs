using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.EphemeralEnv.Database;
using Npgsql;

namespace Bookiji.Actions.EphemeralEnv;

public sealed partial class EphemeralEnvAction
{
    /// <summary>Creates the schema (and role), then applies the migrations; every failure lands in <paramref name="outcome"/>.</summary>
    private static async Task CreateInDatabaseAsync(
        ActionRuntime runtime, CreateInputs inputs, DatabaseTarget database, OwnershipMarker marker, CreateOutcome outcome, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var names = inputs.Names;
        IReadOnlyList<MigrationFile>? files = null;
        if (inputs.MigrationsPath is { } folder)
        {
            // Read (and refuse) the PR's files before the database is touched: a folder that cannot run leaves nothing half-made.
            (files, var problem) = await MigrationFolder.LoadAsync(folder, cancellationToken);
            if (problem is not null)
            {
                outcome.SchemaError = problem;
                return;
            }
        }

        // The role's password comes from the injected random source; it is masked before anything prints.
        var password = inputs.CreateRole ? runtime.NewGuid().ToString("N") + runtime.NewGuid().ToString("N") : null;
        if (password is not null)
        {
            core.SetSecret(password);
        }

        var target = database;
        try
        {
            core.StartGroup($"Creating schema {names.SchemaName} on {database.Display}");
            try
            {
                await using var dataSource = PostgresDataSource.Create(database.Builder.ConnectionString);
                outcome.Schema = await new SchemaManager(dataSource).CreateAsync(names, marker, password, cancellationToken);
                outcome.RolePassword = password;
                core.Info($"Schema {names.SchemaName}: {(outcome.Schema.SchemaCreated ? "created" : "exists (reused)")}" +
                    (password is null ? "; no role (create-role: false)." : $"; role {names.RoleName} {(outcome.Schema.RoleCreated ? "created" : "given a new password")}."));
            }
            finally
            {
                core.EndGroup();
            }

            if (files is not null)
            {
                // With a role, migrations log in AS the role: the session has no admin identity for RESET ROLE to return to.
                target = password is null ? database : database.ForRole(names.RoleName, password);
                outcome.Migrations = await core.Group($"Migrations: {files.Count} file(s) as {target.Builder.Username}", async () =>
                {
                    await using var migrationSource = PostgresDataSource.Create(target.Builder.ConnectionString);
                    var report = await new MigrationRunner(migrationSource).ApplyAsync(names, files, cancellationToken);
                    foreach (var name in report.Applied)
                    {
                        core.Info($"applied {name}");
                    }

                    core.Info($"{report.Applied.Count} applied, {report.AlreadyApplied.Count} already applied, {report.ChangedSinceApplied.Count} changed since applied (not re-run)" +
                        (report.Failure is { } f ? $"; {f.File} failed at line {f.Line}" : "."));
                    return report;
                });
            }
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
        {
            if (outcome.Schema is null)
            {
                outcome.SchemaError = DatabaseErrors.Describe(ex, database);
            }
            else if (ReferenceEquals(target, database))
            {
                outcome.MigrationError = $"Migrations could not run: {DatabaseErrors.Describe(ex, database)}";
            }
            else
            {
                // The admin's hints (grant CREATE, check the secret) do not fit the role: say what the role lacks.
                outcome.MigrationError = ex is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification }
                    ? $"Migrations could not log in as role {names.RoleName} at {database.Display}: PostgreSQL refused it. Allow the role to log in (pg_hba.conf), or set create-role: false."
                    : $"Migrations could not run as role {names.RoleName}: {(ex is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : DatabaseErrors.Describe(ex, target))}.";
            }
        }
        catch (ActionException ex)
        {
            outcome.SchemaError = ex.Message;
        }
#pragma warning disable CA1031 // The descriptor must be written whatever the database step did; the failure is reported right after.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var message = $"Unexpected {ex.GetType().Name} while {(outcome.Schema is null ? "creating the schema" : "applying migrations")}: {ex.Message}";
            core.Debug(ex.ToString());
            if (outcome.Schema is null)
            {
                outcome.SchemaError = message;
            }
            else
            {
                outcome.MigrationError = message;
            }
        }
    }
}
