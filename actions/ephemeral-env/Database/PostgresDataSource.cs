using Npgsql;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>
/// The one way this action opens PostgreSQL: Npgsql's slim data source, so Native AOT links no type handler the action
/// never uses (all its SQL binds or reads text, numbers and "char"), with TLS enabled (the slim builder leaves it off:
/// sslmode=require would fail and sslmode=prefer would silently connect in the clear).
/// </summary>
public static class PostgresDataSource
{
    /// <summary>A data source for <paramref name="connectionString"/>; the caller disposes it.</summary>
    public static NpgsqlDataSource Create(string connectionString) => new NpgsqlSlimDataSourceBuilder(connectionString).EnableTransportSecurity().Build();
}
