using Bookiji.Actions.EphemeralEnv.Naming;
using Npgsql;
using static Bookiji.Actions.EphemeralEnv.Naming.EnvironmentNaming;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>
/// Applies ordered <c>.sql</c> files inside the environment's schema, each in its own transaction under the
/// environment's advisory lock, recorded in <c>_bookiji_migrations</c> in that schema; re-runs apply only new
/// files. The data source decides whose rights they run with: with a role, one that logs in as the role itself
/// (so <c>RESET ROLE</c> has no admin to return to, and the role owns what they create).
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource)
{
    /// <summary>The table recording applied files, inside the environment's schema.</summary>
    public const string TableName = "_bookiji_migrations";

    /// <summary>Applies what has not been applied yet; stops at the first failing file.</summary>
    public async Task<MigrationReport> ApplyAsync(EnvironmentNames names, IReadOnlyList<MigrationFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(files);
        var table = $"{QuoteIdentifier(names.SchemaName)}.{QuoteIdentifier(TableName)}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var applied = new List<string>();
        var skipped = new List<string>();
        var changed = new List<string>();
        foreach (var file in files)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await SchemaManager.LockAsync(connection, names, cancellationToken);
            await SchemaManager.ExecuteAsync(connection, $"SET LOCAL search_path TO {QuoteIdentifier(names.SchemaName)}", cancellationToken);
            await SchemaManager.ExecuteAsync(connection,
                $"CREATE TABLE IF NOT EXISTS {table} (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            var recorded = await RecordedChecksumAsync(connection, table, file.Name, cancellationToken);
            if (recorded is not null)
            {
                (recorded == file.Checksum ? skipped : changed).Add(file.Name);
                await transaction.CommitAsync(cancellationToken);
                continue;
            }

            foreach (var statement in SqlScript.Split(file.Sql))
            {
                try
                {
                    await SchemaManager.ExecuteAsync(connection, statement.Text, cancellationToken);
                }
                catch (PostgresException ex)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    // The server's position counts from the start of the statement as sent; errors without
                    // one (constraint violations, ...) point at the statement's first non-blank character.
                    var at = ex.Position > 0
                        ? statement.Offset + ex.Position - 1
                        : statement.Offset + (statement.Text.Length - statement.Text.TrimStart().Length);
                    var line = SqlScript.LineAt(file.Sql, at);
                    return new MigrationReport(applied, skipped, changed, new MigrationFailure(file.Name, line, ex.SqlState, ex.MessageText));
                }
            }

            await using (var insert = new NpgsqlCommand($"INSERT INTO {table} (name, checksum) VALUES (@name, @checksum)", connection))
            {
                insert.Parameters.AddWithValue("name", file.Name);
                insert.Parameters.AddWithValue("checksum", file.Checksum);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied.Add(file.Name);
        }

        return new MigrationReport(applied, skipped, changed, null);
    }

    private static async Task<string?> RecordedChecksumAsync(NpgsqlConnection connection, string table, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT checksum FROM {table} WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
