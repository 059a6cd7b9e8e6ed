using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using Npgsql;
using static Bookiji.Actions.Tests.Actions.EphemeralEnv.EphemeralEnvHarness;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv;

[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EphemeralEnvCreateTests
{
    [Test]
    public async Task Create_WithoutTemplateOrPrefixes_NamesFromTheRepositoryAndNoUrl()
    {
        using var dir = new TemporaryDirectory();
        var pr = NewPullRequest();
        var result = await RunAsync(dir, [], pr, github: new() { ["repository"] = "acme/My-Shop.Web" });
        var descriptor = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(descriptor["schemaName"]!.GetValue<string>(), Is.EqualTo($"my_shop_web_pr_{pr}"), "the prefix comes from the repository, never a name of ours");
            Assert.That(descriptor.ContainsKey("baseUrl") && descriptor["baseUrl"] is null, Is.True, "no template → baseUrl null, never a host of ours");
            Assert.That(result.Outputs["base-url"], Is.Empty);
            Assert.That(result.Outputs["schema-name"], Is.EqualTo($"my_shop_web_pr_{pr}"));
            Assert.That(result.Log + result.Summary, Does.Not.Contain("bookiji").IgnoreCase);
        });
    }

    [Test]
    public async Task Create_OnPullRequest_MakesSchemaDescriptorsAndOutputs()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["base-url-template"] = "https://pr-{number}.bookiji.com" }, pr);
        var descriptor = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json")))!;
        var archived = File.ReadAllText(Path.Combine(result.Workspace, "env-descriptors", $"pr_{pr}.json"));
        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(await SchemaExistsAsync($"bookiji_pr_{pr}"), Is.True);
            Assert.That(descriptor.Select(p => p.Key).Take(7), Is.EqualTo(new[] { "appEnv", "schemaName", "baseUrl", "redisNamespace", "commitSha", "branch", "createdAt" }));
            Assert.That(descriptor["appEnv"]!.GetValue<string>(), Is.EqualTo($"pr_{pr}"));
            Assert.That(descriptor["schemaName"]!.GetValue<string>(), Is.EqualTo($"bookiji_pr_{pr}"));
            Assert.That(descriptor["baseUrl"]!.GetValue<string>(), Is.EqualTo($"https://pr-{pr}.bookiji.com"));
            Assert.That(descriptor["redisNamespace"], Is.Null);
            Assert.That(descriptor["commitSha"]!.GetValue<string>(), Is.EqualTo("1234567890abcdef1234567890abcdef12345678"), "the PR head, not the merge commit");
            Assert.That(descriptor["branch"]!.GetValue<string>(), Is.EqualTo("feature/booking"));
            Assert.That(descriptor["createdAt"]!.GetValue<string>(), Is.EqualTo("2025-12-07T10:00:00Z"));
            Assert.That(descriptor["schemaCreated"]!.GetValue<bool>(), Is.True);
            Assert.That(archived, Is.EqualTo(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json"))));
            Assert.That(result.Outputs["schema-name"], Is.EqualTo($"bookiji_pr_{pr}"));
            Assert.That(result.Outputs["base-url"], Is.EqualTo($"https://pr-{pr}.bookiji.com"));
            Assert.That(result.Outputs["descriptor-path"], Is.EqualTo($"env-descriptors/pr_{pr}.json"));
            Assert.That(result.Outputs["database-url"], Does.Contain("search_path%3Dbookiji_pr_" + pr));
            Assert.That(result.Masks, Does.Contain(result.Outputs["database-url"]), "the output URL is masked");
            Assert.That(result.Summary, Does.Contain($"Ephemeral environment pr_{pr}"));
        });
    }

    [Test]
    public async Task Create_OutputDatabaseUrl_ConnectsWithSearchPathOnTheSchema()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["create-role"] = "true" }, pr);
        var connectionString = Bookiji.Actions.StandIns.Services.PostgresServer.ToConnectionString(result.Outputs["database-url"]);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = $"bookiji_pr_{pr}" }.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE bookings (id int)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var who = new NpgsqlCommand(
            "SELECT current_user || ' ' || (SELECT schemaname FROM pg_tables WHERE tablename = 'bookings' AND tableowner = current_user)", connection);
        Assert.Multiple(async () =>
        {
            Assert.That(result.Outputs["role-name"], Is.EqualTo($"bookiji_pr_{pr}_owner"));
            Assert.That(result.Masks, Does.Contain(result.Outputs["role-password"]));
            Assert.That(await who.ExecuteScalarAsync(), Is.EqualTo($"bookiji_pr_{pr}_owner bookiji_pr_{pr}"), "the least-privilege role owns and works in its schema");
        });
    }

    [Test]
    public async Task Rerun_ReusesTheSchema_AndKeepsItsData()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl }, pr);
        await ExecuteAsync($"CREATE TABLE bookiji_pr_{pr}.keep (id int); INSERT INTO bookiji_pr_{pr}.keep VALUES (1)");
        var again = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl }, pr);
        Assert.Multiple(async () =>
        {
            Assert.That(again.Annotations("error"), Is.Empty, again.Log);
            Assert.That(again.Outputs["schema-created"], Is.EqualTo("true"));
            Assert.That(again.Log, Does.Contain("exists (reused)"));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM bookiji_pr_{pr}.keep"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task EightConcurrentCreates_ForOnePr_AllSucceed_AndLeaveOneSchema()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["create-role"] = "true", ["descriptor-dir"] = $"d{i}", ["descriptor-file"] = $"d{i}/.ephemeral-env.json" }, pr)));
        Assert.Multiple(async () =>
        {
            Assert.That(runs.Select(r => r.Annotations("error").Count), Is.All.Zero, string.Join("\n", runs.Select(r => r.Log)));
            Assert.That(runs.Select(r => r.Outputs["schema-created"]), Is.All.EqualTo("true"));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = @n", ("n", $"bookiji_pr_{pr}")), Is.EqualTo(1));
            Assert.That(runs.Count(r => !r.Log.Contains("exists (reused)", StringComparison.Ordinal)), Is.EqualTo(1), "exactly one run created it");
        });
    }

    [Test]
    public async Task NoDatabase_WritesDescriptorMarkedNotCreated_WithoutError()
    {
        using var dir = new TemporaryDirectory();
        var pr = NewPullRequest();
        var result = await RunAsync(dir, [], pr);
        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Annotations("error"), Is.Empty, "no database configured is a choice, not a failure");
            Assert.That(descriptor["schemaCreated"]!.GetValue<bool>(), Is.False);
            Assert.That(descriptor["schemaError"]!.GetValue<string>(), Does.Contain("No database configured"));
            Assert.That(result.Outputs["schema-created"], Is.EqualTo("false"));
            Assert.That(result.Outputs.ContainsKey("database-url"), Is.False);
        });
    }

    [Test]
    public async Task Create_AppEnvFromEnvironmentAndTemplateWithAppEnv_UsesItAndExpandsTheBaseUrl()
    {
        using var dir = new TemporaryDirectory();
        var result = await RunAsync(dir, new() { ["base-url-template"] = "https://{app-env}.preview.bookiji.com" }, env: new() { ["APP_ENV"] = "staging_2" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["app-env"], Is.EqualTo("staging_2"));
            Assert.That(result.Outputs["base-url"], Is.EqualTo("https://staging-2.preview.bookiji.com"));
        });
    }
}
