using Bookiji.Actions.StandIns;
using static Bookiji.Actions.Tests.Actions.EphemeralEnv.EphemeralEnvHarness;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv;

/// <summary>Attacks from a hostile pull request: its migrations and its workspace.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EphemeralEnvSecurityTests
{
    [TestCase("SELECT * FROM {victim}.secret")]
    [TestCase("DROP TABLE {victim}.secret")]
    [TestCase("ALTER ROLE {role} SUPERUSER")]
    [TestCase("CREATE SCHEMA {evil}")]
    [TestCase("CREATE TABLE public.{evil} (id int)")]
    [TestCase("SET ROLE postgres")]
    public async Task MigrationThatResetsRole_RunsAsThePrsOwnRole_AndCanReachNothingOutsideItsSchema(string attack)
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        var victim = $"victim_{pr}";
        var role = $"bookiji_pr_{pr}_owner";
        var evil = $"evil_{pr}";
        await ExecuteAsync($"CREATE SCHEMA {victim}; CREATE TABLE {victim}.secret (v text); INSERT INTO {victim}.secret VALUES ('another PR''s data')");
        dir.WriteFile("workspace/db/001_attack.sql", "RESET ROLE;\n" + attack.Replace("{victim}", victim).Replace("{role}", role).Replace("{evil}", evil) + ";\n");
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["create-role"] = "true", ["migrations-path"] = "db" }, pr);
        Assert.Multiple(async () =>
        {
            Assert.That(result.Annotations("error").Select(e => e.Properties["title"]), Is.EqualTo(new[] { "ephemeral-env: migration failed" }), result.Log);
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("001_attack.sql failed at line 2").And.Contain("42501"));
            Assert.That(result.Log, Does.Not.Contain("another PR's data"));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM {victim}.secret"), Is.EqualTo(1), "the other schema's table is intact");
            Assert.That(await ScalarAsync<bool>("SELECT rolsuper FROM pg_roles WHERE rolname = @r", ("r", role)), Is.False, "the PR's role is not superuser");
            Assert.That(await SchemaExistsAsync(evil), Is.False, "no schema made outside its own");
            Assert.That(await ScalarAsync<bool>($"SELECT to_regclass('public.{evil}') IS NULL"), Is.True, "nothing made in public");
        });
    }

    [Test]
    public async Task Create_WithoutCreateRole_SummarySaysMigrationsRunWithTheAdminsRights()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        dir.WriteFile("workspace/db/001.sql", "CREATE TABLE a (id int);\n");
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["create-role"] = "false", ["migrations-path"] = "db" }, NewPullRequest());
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Summary, Does.Contain("with the admin's rights"));
            Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("with the admin's rights"));
        });
    }

    [Test]
    public async Task MigrationFileThatIsASymlinkOutOfTheFolder_IsRefused_AndItsContentNeverShown()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        var hostFile = dir.WriteFile("host/secret.txt", "TOP-SECRET-HOST-CONTENT that is not SQL\n");
        dir.WriteFile("workspace/db/001_ok.sql", "CREATE TABLE a (id int);\n");
        Directory.CreateDirectory(dir.Combine("workspace", "db"));
        File.CreateSymbolicLink(dir.Combine("workspace", "db", "002_leak.sql"), hostFile);
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["migrations-path"] = "db" }, pr);
        var error = result.Annotations("error").Single();
        Assert.Multiple(async () =>
        {
            Assert.That(error.Message, Does.Contain("002_leak.sql").And.Contain("outside"));
            Assert.That(result.Log, Does.Not.Contain("TOP-SECRET-HOST-CONTENT"));
            Assert.That(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json")), Does.Not.Contain("TOP-SECRET-HOST-CONTENT"));
            Assert.That(result.Summary, Does.Not.Contain("TOP-SECRET-HOST-CONTENT"));
            Assert.That(await ScalarAsync<bool>($"SELECT to_regclass('bookiji_pr_{pr}.a') IS NULL"), Is.True, "nothing runs from a folder holding a refused file");
            Assert.That(File.Exists(Path.Combine(result.Workspace, ".ephemeral-env.json")), Is.True, "the descriptor is still written");
        });
    }

    [TestCase("descriptor-dir", "../outside")]
    [TestCase("descriptor-dir", "/tmp")]
    [TestCase("descriptor-file", "../outside/.ephemeral-env.json")]
    [TestCase("migrations-path", "../outside")]
    [TestCase("migrations-path", "linked")]
    [TestCase("descriptor-dir", "linked")]
    public async Task PathsOutsideTheWorkspace_AreRefused_AndNothingIsWrittenThere(string input, string value)
    {
        using var dir = new TemporaryDirectory();
        var outside = dir.Combine("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "001.sql"), "CREATE TABLE a (id int);\n");
        Directory.CreateDirectory(dir.Combine("workspace"));
        Directory.CreateSymbolicLink(dir.Combine("workspace", "linked"), outside);
        var result = await RunAsync(dir, new() { [input] = value }, NewPullRequest());
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error").Select(e => e.Properties["title"]), Is.EqualTo(new[] { $"ephemeral-env: invalid input '{input}'" }), result.Log);
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("must stay inside the workspace"));
            Assert.That(Directory.GetFiles(outside), Is.EqualTo(new[] { Path.Combine(outside, "001.sql") }));
        });
    }

    [Test]
    public async Task Run_ArchiveDescriptorIsASymlinkOutOfTheWorkspace_IsNotWrittenThrough()
    {
        using var dir = new TemporaryDirectory();
        var pr = NewPullRequest();
        var target = dir.WriteFile("outside/target.txt", "untouched");
        Directory.CreateDirectory(dir.Combine("workspace", "env-descriptors"));
        File.CreateSymbolicLink(dir.Combine("workspace", "env-descriptors", $"pr_{pr}.json"), target);
        var result = await RunAsync(dir, [], pr);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("untouched"));
            Assert.That(result.Annotations("error").Single().Message, Does.Contain($"pr_{pr}.json").And.Contain("outside the workspace"));
            Assert.That(File.Exists(Path.Combine(result.Workspace, ".ephemeral-env.json")), Is.True);
        });
    }
}
