using Npgsql;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>
/// The one way this action opens PostgreSQL: Npgsql's slim data source (text, numbers, "char" — all the SQL here
/// reads or binds), so Native AOT links no type handler the action never uses.
/// </summary>
public static class PostgresDataSource
{
    /// <summary>A data source for <paramref name="connectionString"/>; the caller disposes it.</summary>
    public static NpgsqlDataSource Create(string connectionString) => new NpgsqlSlimDataSourceBuilder(connectionString).Build();
}
