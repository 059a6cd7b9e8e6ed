using Bookiji.Actions.StandIns;
using static Bookiji.Actions.Tests.Actions.EphemeralEnv.EphemeralEnvHarness;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv;

[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EphemeralEnvMigrationTests
{
    [Test]
    public async Task Migrations_AppliedInOrderInsideTheSchema_RerunAppliesOnlyNewFiles()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        dir.WriteFile("workspace/db/migrations/001_bookings.sql", "CREATE TABLE bookings (id serial PRIMARY KEY, at timestamptz NOT NULL);\n");
        dir.WriteFile("workspace/db/migrations/002_seed.sql", "INSERT INTO bookings (at) VALUES (now());\nINSERT INTO bookings (at) VALUES (now());\n");
        var with = new Dictionary<string, string> { ["database-url"] = server.DatabaseUrl, ["migrations-path"] = "db/migrations" };
        var first = await RunAsync(dir, with, pr);
        dir.WriteFile("workspace/db/migrations/003_more.sql", "ALTER TABLE bookings ADD COLUMN note text;\n");
        var second = await RunAsync(dir, with, pr);
        Assert.Multiple(async () =>
        {
            Assert.That(first.Annotations("error"), Is.Empty, first.Log);
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM bookiji_pr_{pr}.bookings"), Is.EqualTo(2), "002 ran once, not twice");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM bookiji_pr_{pr}._bookiji_migrations"), Is.EqualTo(3));
            Assert.That(await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'bookings')"), Is.False, "nothing leaks into public");
            Assert.That(second.Summary, Does.Contain("1 applied, 2 already applied"));
        });
    }

    [Test]
    public async Task FailingMigration_SummaryAndAnnotation_CarryPostgresReasonQuotedInertly()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        dir.WriteFile("workspace/m/001_typo.sql", "CREAT TABLE a (id int);\n");
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["migrations-path"] = "m" }, NewPullRequest());
        var error = result.Annotations("error").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Summary, Does.Contain("FAILED: 001_typo.sql line 1: <code>42601 syntax error at or near &quot;CREAT&quot;</code>"), result.Summary);
            Assert.That(error.Message, Does.Contain("001_typo.sql failed at line 1: ` 42601 syntax error at or near \"CREAT\" `"));
        });
    }

    [Test]
    public async Task FailingMigration_RollsBack_AndIsReportedWithFileAndLine()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        dir.WriteFile("workspace/m/001_ok.sql", "CREATE TABLE a (id int);\n");
        dir.WriteFile("workspace/m/002_bad.sql", "CREATE TABLE b (id int);\n\n-- a typo on line 4:\nINSERT INTO b VALUES (1;\n");
        dir.WriteFile("workspace/m/003_never.sql", "CREATE TABLE c (id int);\n");
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["migrations-path"] = "m" }, pr);
        var error = result.Annotations("error").Single();
        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(error.Message, Does.Contain("002_bad.sql failed at line 4").And.Contain("42601"));
            Assert.That(await ScalarAsync<bool>($"SELECT to_regclass('bookiji_pr_{pr}.a') IS NOT NULL"), Is.True);
            Assert.That(await ScalarAsync<bool>($"SELECT to_regclass('bookiji_pr_{pr}.b') IS NULL"), Is.True, "the failing file's earlier statement was rolled back");
            Assert.That(await ScalarAsync<bool>($"SELECT to_regclass('bookiji_pr_{pr}.c') IS NULL"), Is.True, "later files are not applied");
            Assert.That(File.Exists(Path.Combine(result.Workspace, ".ephemeral-env.json")), Is.True);
        });
    }

    [Test]
    public async Task SwitchingToCreateRole_GivesTheRoleTheSchemasTables_SoLaterMigrationsCanAlterThem()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        dir.WriteFile("workspace/db/001_bookings.sql", "CREATE TABLE bookings (id serial PRIMARY KEY);\nCREATE VIEW booking_ids AS SELECT id FROM bookings;\n");
        var asAdmin = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["migrations-path"] = "db", ["create-role"] = "false" }, pr);
        dir.WriteFile("workspace/db/002_note.sql", "ALTER TABLE bookings ADD COLUMN note text;\nINSERT INTO bookings (note) VALUES ('x');\nCREATE OR REPLACE VIEW booking_ids AS SELECT id, note FROM bookings;\n");
        var asRole = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["migrations-path"] = "db", ["create-role"] = "true" }, pr);
        Assert.Multiple(async () =>
        {
            Assert.That(asAdmin.Annotations("error"), Is.Empty, asAdmin.Log);
            Assert.That(asRole.Annotations("error"), Is.Empty, asRole.Log);
            Assert.That(asRole.Summary, Does.Contain("1 applied, 1 already applied"));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM pg_tables WHERE schemaname = 'bookiji_pr_{pr}' AND tableowner <> 'bookiji_pr_{pr}_owner'"), Is.Zero);
        });
    }
}
