using Bookiji.Actions.EphemeralEnv.Naming;
using Npgsql;
using static Bookiji.Actions.EphemeralEnv.Naming.EnvironmentNaming;

namespace Bookiji.Actions.EphemeralEnv.Database;

public sealed partial class SchemaManager
{
    /// <summary>Takes the environment's transaction-scoped advisory lock (released at commit or rollback).</summary>
    internal static Task LockAsync(NpgsqlConnection connection, EnvironmentNames names, CancellationToken cancellationToken) =>
        AdvisoryLockAsync(connection, names.LockKey, cancellationToken);

    /// <summary>The lock every environment takes (after its own) before changing roles or database grants.</summary>
    internal static Task LockSharedCatalogsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        AdvisoryLockAsync(connection, StableHash.LockKey("(shared catalogs)"), cancellationToken);

    private static async Task AdvisoryLockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The schema's comment when it exists (the comment may be null); <c>null</c> when there is no such schema.</summary>
    private static Task<(string? Comment, bool Exists)?> SchemaCommentAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken) =>
        CommentAsync(connection, "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = @name", schema, cancellationToken);

    private static Task<(string? Comment, bool Exists)?> RoleCommentAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken) =>
        CommentAsync(connection, "SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = @name", role, cancellationToken);

    private static async Task<(string? Comment, bool Exists)?> CommentAsync(NpgsqlConnection connection, string sql, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return (reader.IsDBNull(0) ? null : reader.GetString(0), true);
    }

    /// <summary>
    /// Makes the role own every table and view in the schema. An environment made with <c>create-role: false</c>
    /// holds relations the admin owns; once migrations log in as the role they must be able to alter them (and
    /// read <c>_bookiji_migrations</c>). Sequences of serial and identity columns follow their tables.
    /// </summary>
    private static async Task GiveRelationsToRoleAsync(NpgsqlConnection connection, EnvironmentNames names, CancellationToken cancellationToken)
    {
        var relations = new List<(string Name, char Kind)>();
        await using (var command = new NpgsqlCommand(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles r ON r.oid = c.relowner " +
            "WHERE n.nspname = @schema AND r.rolname <> @role AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1",
            connection))
        {
            command.Parameters.AddWithValue("schema", names.SchemaName);
            command.Parameters.AddWithValue("role", names.RoleName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                relations.Add((reader.GetString(0), reader.GetChar(1)));
            }
        }

        foreach (var (name, kind) in relations)
        {
            var what = kind switch { 'v' => "VIEW", 'm' => "MATERIALIZED VIEW", 'f' => "FOREIGN TABLE", _ => "TABLE" };
            await ExecuteAsync(connection, $"ALTER {what} {QuoteIdentifier(names.SchemaName)}.{QuoteIdentifier(name)} OWNER TO {QuoteIdentifier(names.RoleName)}", cancellationToken);
        }
    }

    /// <summary>Runs DDL built only from validated, quoted identifiers and quoted literals.</summary>
    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
