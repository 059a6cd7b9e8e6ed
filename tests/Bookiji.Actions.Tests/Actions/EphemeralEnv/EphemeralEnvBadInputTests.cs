using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;
using static Bookiji.Actions.Tests.Actions.EphemeralEnv.EphemeralEnvHarness;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv;

[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EphemeralEnvBadInputTests
{
    [TestCase("pr_1; DROP SCHEMA public")]
    [TestCase("pr_1\" CASCADE --")]
    [TestCase("pr_ü")]
    public async Task HostileAppEnv_IsRejected_AndNothingExecuted(string appEnv)
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        // A prefix of this test's own: any schema or role the run made would start with it, whatever the rest of its name.
        var prefix = $"hostile{NewPullRequest()}_";
        var like = prefix.Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["app-env"] = appEnv, ["schema-prefix"] = prefix, ["create-role"] = "true" });
        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Annotations("error").Single().Properties["title"], Is.EqualTo("ephemeral-env: invalid input 'app-env'"));
            Assert.That(await SchemaExistsAsync("public"), Is.True);
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE @p", ("p", like)), Is.Zero, "no schema made for this input");
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_roles WHERE rolname LIKE @p", ("p", like)), Is.Zero, "no role made for this input");
            Assert.That(File.Exists(Path.Combine(result.Workspace, ".ephemeral-env.json")), Is.False);
        });
    }

    [Test]
    public async Task HostileAppEnvCheck_SchemaMadeUnderTheTestsPrefix_WouldBeSeen()
    {
        // The check above must be able to fail: a schema under such a prefix is counted.
        var prefix = $"hostile{NewPullRequest()}_";
        await ExecuteAsync($"CREATE SCHEMA \"{prefix}pr_1; DROP SCHEMA public\"");
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE @p", ("p", prefix.Replace("_", "\\_", StringComparison.Ordinal) + "%")), Is.EqualTo(1));
    }

    [Test]
    public async Task WrongPassword_IsNamed_DescriptorStillWritten_AndNoSecretAnywhere()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var badUrl = server.DatabaseUrl.Replace(new Uri(server.DatabaseUrl).UserInfo, "postgres:Sup3rS3cretWrong", StringComparison.Ordinal);
        var result = await RunAsync(dir, [], NewPullRequest(), env: new() { ["DATABASE_URL"] = badUrl });
        var error = result.Annotations("error").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(error.Message, Does.Contain("wrong password").And.Contain("schemaCreated: false"));
            Assert.That(SecretScan.Find(dir.Path, result.Log, "Sup3rS3cretWrong", badUrl), Is.Empty);
            Assert.That(result.Masks, Does.Contain("Sup3rS3cretWrong"));
        });
    }

    [Test]
    public async Task Create_Successful_SecretsAppearOnlyInTheMaskedOutputs()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var redis = await SharedServices.RedisAsync();
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["redis-url"] = redis.Url, ["create-role"] = "true" }, NewPullRequest(), runDirectory: dir.Combine("runner"));
        var dbPassword = Uri.UnescapeDataString(new Uri(server.DatabaseUrl).UserInfo.Split(':')[1]);
        var rolePassword = result.Outputs["role-password"];
        var secrets = new[] { server.DatabaseUrl, dbPassword, redis.Url, redis.Password, rolePassword };
        var outputsHolding = result.Outputs.Where(o => secrets.Any(s => o.Value.Contains(s, StringComparison.Ordinal))).Select(o => o.Key);
        var outputFile = Directory.GetFiles(dir.Combine("runner", "_runner_file_commands"), "set_output_*").Single();
        File.Delete(outputFile); // the runner's own outputs file; its secret values are checked above instead
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(outputsHolding, Is.EquivalentTo(new[] { "database-url", "role-password" }));
            Assert.That(result.Masks, Does.Contain(dbPassword).And.Contain(rolePassword).And.Contain(redis.Password).And.Contain(result.Outputs["database-url"]));
            Assert.That(SecretScan.Find(dir.Path, result.Log, secrets), Is.Empty, "descriptors, summary, log and every other file are clean");
        });
    }

    [Test]
    public async Task UnreachableDatabase_IsNamed_AndDescriptorSaysNotCreated()
    {
        using var dir = new TemporaryDirectory();
        var url = $"postgres://app:pw-never-shown@127.0.0.1:{FreePort.Next()}/app";
        var result = await RunAsync(dir, new() { ["database-url"] = url, ["fail-on-error"] = "true" }, NewPullRequest());
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), "fail-on-error turns the failure into a failed step");
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("Could not connect to PostgreSQL at 127.0.0.1"));
            Assert.That(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json")), Does.Contain("\"schemaCreated\": false"));
            Assert.That(SecretScan.Find(dir.Path, result.Log, "pw-never-shown", url), Is.Empty);
        });
    }

    [Test]
    public async Task OneCharacterPassword_MasksTheUserInfo_AndLeavesTheLettersOfOtherWords()
    {
        using var dir = new TemporaryDirectory();
        var url = $"postgres://u:p@127.0.0.1:{FreePort.Next()}/db";
        var result = await RunAsync(dir, new() { ["database-url"] = url }, NewPullRequest());
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("Is the server up and reachable"), result.Log);
            Assert.That(result.Masks, Does.Contain("u:p").And.Contain(url));
            Assert.That(result.Masks, Has.None.Length.LessThan(3), "no one- or two-character value is masked everywhere");
        });
    }

    [Test]
    public async Task Create_MissingPrivilege_IsNamed()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var role = $"weak_{Guid.NewGuid():N}"[..20];
        // PUBLIC has no CREATE on a database by default: a plain login role may connect but not create schemas.
        await ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'weakpw'");
        var uri = new Uri(server.DatabaseUrl);
        var result = await RunAsync(dir, new() { ["database-url"] = $"postgres://{role}:weakpw@{uri.Host}:{uri.Port}/postgres" }, NewPullRequest());
        Assert.That(result.Annotations("error").Single().Message, Does.Contain("lacks a privilege").And.Contain("Grant CREATE"));
    }

    [Test]
    public async Task Run_ManyBadInputs_EveryOneIsReportedAtOnce()
    {
        using var dir = new TemporaryDirectory();
        var result = await RunAsync(dir, new()
        {
            ["mode"] = "explode",
            ["database-url"] = "mysql://root:pw@db/x",
            ["schema-prefix"] = "Bad-Prefix",
            ["ttl"] = "forever",
            ["create-role"] = "yes",
            ["migrations-path"] = "no/such/folder",
        }, NewPullRequest());
        Assert.That(result.Annotations("error").Select(e => e.Properties["title"]), Is.EquivalentTo(new[]
        {
            "ephemeral-env: invalid input 'mode'", "ephemeral-env: invalid input 'schema-prefix'", "ephemeral-env: invalid input 'database-url'",
            "ephemeral-env: invalid input 'create-role'", "ephemeral-env: invalid input 'migrations-path'", "ephemeral-env: invalid input 'ttl'",
        }));
    }

    [Test]
    public async Task BaseUrlTemplateWhoseExpressionExpandedToNothing_IsAnInputError_AndNoBaseUrlIsGiven()
    {
        using var dir = new TemporaryDirectory();
        // What `base-url-template: https://pr-${{ github.event.number }}.example.com` becomes on a push event.
        var result = await RunAsync(dir, new() { ["app-env"] = "staging_1", ["base-url-template"] = "https://pr-.example.com" });
        var error = result.Annotations("error").Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Properties["title"], Is.EqualTo("ephemeral-env: invalid input 'base-url-template'"), result.Log);
            Assert.That(error.Message, Does.Contain("expanded to nothing"));
            Assert.That(result.Outputs.GetValueOrDefault("base-url", string.Empty), Is.Empty);
        });
    }

    [Test]
    public async Task Run_NoPullRequestAndNoAppEnv_IsAClearError()
    {
        using var dir = new TemporaryDirectory();
        var result = await RunAsync(dir, []);
        Assert.That(result.Annotations("error").Single().Message, Does.Contain("required outside pull_request events"));
    }
}
