using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.EphemeralEnv.Naming;
using Npgsql;
using static Bookiji.Actions.EphemeralEnv.Naming.EnvironmentNaming;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>
/// Creates and drops an environment's schema (and optional role) on a real PostgreSQL. Every change runs in
/// one transaction holding <c>pg_advisory_xact_lock</c> on the environment's stable key, so overlapping runs for
/// one PR serialize instead of racing on <c>CREATE SCHEMA IF NOT EXISTS</c> (23505 on pg_namespace); and only
/// objects carrying this action's <see cref="OwnershipMarker"/> are ever reused or dropped.
/// </summary>
public sealed partial class SchemaManager(NpgsqlDataSource dataSource)
{
    /// <summary>Creates the schema (idempotently) and, when asked, its owning login role with a fresh password.</summary>
    public async Task<CreateResult> CreateAsync(EnvironmentNames names, OwnershipMarker marker, string? rolePassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(marker);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, names, cancellationToken);

        var created = false;
        var existing = await SchemaCommentAsync(connection, names.SchemaName, cancellationToken);
        if (existing is null)
        {
            await ExecuteAsync(connection, $"CREATE SCHEMA {QuoteIdentifier(names.SchemaName)}", cancellationToken);
            await ExecuteAsync(connection, $"COMMENT ON SCHEMA {QuoteIdentifier(names.SchemaName)} IS {QuoteLiteral(marker.ToJson())}", cancellationToken);
            created = true;
        }
        else
        {
            RequireOwned(existing.Value.Comment, names, marker.Repository, "schema", names.SchemaName);
        }

        var roleCreated = false;
        if (rolePassword is not null)
        {
            // Roles and database grants live in shared catalogs that every environment's transaction would update
            // ("tuple concurrently updated"): serialize those changes across environments too.
            await LockSharedCatalogsAsync(connection, cancellationToken);
            roleCreated = await EnsureRoleAsync(connection, names, marker, rolePassword, cancellationToken);
            await ExecuteAsync(connection, $"ALTER SCHEMA {QuoteIdentifier(names.SchemaName)} OWNER TO {QuoteIdentifier(names.RoleName)}", cancellationToken);
            await GiveRelationsToRoleAsync(connection, names, cancellationToken);
            await ExecuteAsync(connection, $"GRANT CONNECT ON DATABASE {QuoteIdentifier(connection.Database)} TO {QuoteIdentifier(names.RoleName)}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CreateResult(created, roleCreated);
    }

    /// <summary>Drops the schema (CASCADE) and its role, only if this action created them for this environment.</summary>
    public async Task<DestroyResult> DestroyAsync(EnvironmentNames names, string? repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, names, cancellationToken);
        var existing = await SchemaCommentAsync(connection, names.SchemaName, cancellationToken);
        var schemaDropped = false;
        if (existing is not null)
        {
            RequireOwned(existing.Value.Comment, names, repository, "schema", names.SchemaName);
            await ExecuteAsync(connection, $"DROP SCHEMA {QuoteIdentifier(names.SchemaName)} CASCADE", cancellationToken);
            schemaDropped = true;
        }

        var roleDropped = false;
        var roleComment = await RoleCommentAsync(connection, names.RoleName, cancellationToken);
        if (roleComment is not null && OwnershipMarker.TryParse(roleComment.Value.Comment) is { } roleMarker && roleMarker.AppEnv == names.AppEnv)
        {
            await LockSharedCatalogsAsync(connection, cancellationToken);
            await ExecuteAsync(connection, $"DROP OWNED BY {QuoteIdentifier(names.RoleName)}", cancellationToken);
            await ExecuteAsync(connection, $"DROP ROLE {QuoteIdentifier(names.RoleName)}", cancellationToken);
            roleDropped = true;
        }

        await transaction.CommitAsync(cancellationToken);
        return new DestroyResult(schemaDropped, roleDropped);
    }

    /// <summary>The schemas under <paramref name="prefix"/> that carry this action's marker.</summary>
    public async Task<IReadOnlyList<OwnedSchema>> ListOwnedAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT n.nspname, obj_description(n.oid, 'pg_namespace') FROM pg_namespace n WHERE n.nspname LIKE @pattern ESCAPE '\\' ORDER BY 1",
            connection);
        command.Parameters.AddWithValue("pattern", prefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal) + "%");
        var owned = new List<OwnedSchema>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (OwnershipMarker.TryParse(reader.IsDBNull(1) ? null : reader.GetString(1)) is { } marker)
            {
                owned.Add(new OwnedSchema(reader.GetString(0), marker));
            }
        }

        return owned;
    }

    private static void RequireOwned(string? comment, EnvironmentNames names, string? repository, string kind, string name)
    {
        var marker = OwnershipMarker.TryParse(comment);
        if (marker is null)
        {
            throw new ActionException(
                $"The {kind} {name} exists but was not created by ephemeral-env (no ownership marker). It is left untouched; choose another 'schema-prefix' or 'app-env'.")
            { Title = $"foreign {kind}" };
        }

        if (marker.AppEnv != names.AppEnv || (repository is not null && marker.Repository is not null && marker.Repository != repository))
        {
            throw new ActionException(
                $"The {kind} {name} belongs to environment '{marker.AppEnv}' of {marker.Repository ?? "another repository"}, not '{names.AppEnv}' of {repository ?? "this repository"}. It is left untouched.")
            { Title = $"foreign {kind}" };
        }
    }

    private async Task<bool> EnsureRoleAsync(NpgsqlConnection connection, EnvironmentNames names, OwnershipMarker marker, string password, CancellationToken cancellationToken)
    {
        var role = QuoteIdentifier(names.RoleName);
        var existing = await RoleCommentAsync(connection, names.RoleName, cancellationToken);
        if (existing is null)
        {
            await ExecuteAsync(connection, $"CREATE ROLE {role} LOGIN PASSWORD {QuoteLiteral(password)}", cancellationToken);
            await ExecuteAsync(connection, $"COMMENT ON ROLE {role} IS {QuoteLiteral(marker.ToJson())}", cancellationToken);
            return true;
        }

        RequireOwned(existing.Value.Comment, names, marker.Repository, "role", names.RoleName);
        // The old password was masked and is gone: the latest run's password is the valid one.
        await ExecuteAsync(connection, $"ALTER ROLE {role} WITH LOGIN PASSWORD {QuoteLiteral(password)}", cancellationToken);
        return false;
    }
}
