using Npgsql;

namespace Bookiji.Actions.Tests.Tools.StandIns;

[Category("Integration")]
[TestFixture]
public sealed class PostgresServerTests
{
    [Test]
    public async Task Server_AcceptsPasswordLoginOnLoopback_AndRejectsAWrongPassword()
    {
        var server = await SharedServices.PostgresAsync();
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select current_setting('server_version_num')::int", connection);
            Assert.That((int)(await command.ExecuteScalarAsync())!, Is.GreaterThanOrEqualTo(150000));
        }

        var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "wrong-password" }.ConnectionString;
        await using var bad = new NpgsqlConnection(wrong);
        var ex = Assert.ThrowsAsync<PostgresException>(() => bad.OpenAsync());
        Assert.That(ex!.SqlState, Is.EqualTo(PostgresErrorCodes.InvalidPassword));
    }
}
