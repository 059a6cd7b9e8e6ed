using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.StandIns.Services;
using static Bookiji.Actions.Tests.Actions.EphemeralEnv.EphemeralEnvHarness;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv;

/// <summary>Broken upstreams, broken files and runs outside pull_request events: the action still does its part.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EphemeralEnvFailSafeTests
{
    [TestCase(FakeGitHubFault.Garbage)]
    [TestCase(FakeGitHubFault.WrongShape)]
    [TestCase(FakeGitHubFault.Hang)]
    public async Task Sweep_WhenTheGitHubApiAnswersBadly_FallsBackToTheTtlRule(FakeGitHubFault fault)
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        await using var github = await FakeGitHubServer.StartAsync();
        var prefix = $"sf{NewPullRequest()}_";
        var ghValues = new Dictionary<string, string> { ["api_url"] = github.ApiUrl, ["token"] = github.Token };
        var expired = github.AddPullRequest("bookiji/bookiji");
        var recentButClosed = github.AddPullRequest("bookiji/bookiji", p => p.State = "closed");
        foreach (var (pull, created) in new[] { (expired, new DateTimeOffset(2020, 3, 1, 0, 0, 0, TimeSpan.Zero)), (recentButClosed, Now) })
        {
            var r = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["schema-prefix"] = prefix }, pull.Number, github: ghValues, now: created);
            Assert.That(r.Annotations("error"), Is.Empty, r.Log);
        }

        github.InjectFault(fault, 100);
        var sweep = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["schema-prefix"] = prefix, ["mode"] = "sweep", ["github-timeout"] = "2s" },
            github: ghValues, now: Now.AddHours(1), eventName: "schedule");
        Assert.Multiple(async () =>
        {
            Assert.That(sweep.Annotations("error"), Is.Empty, sweep.Log);
            Assert.That(sweep.Annotations("warning").Select(w => w.Message), Has.Some.Contains("PR #" + recentButClosed.Number), "the unread state is named");
            Assert.That(JsonNode.Parse(sweep.Outputs["removed"])!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { $"pr_{expired.Number}" }));
            Assert.That(await SchemaExistsAsync($"{prefix}pr_{expired.Number}"), Is.False, "the environment from 2020 is past its TTL");
            Assert.That(await SchemaExistsAsync($"{prefix}pr_{recentButClosed.Number}"), Is.True, "an unknown state within the TTL is kept");
            Assert.That(sweep.Summary, Does.Contain("state unknown"));
        });
    }

    [Test]
    public async Task MigrationWithANulByte_IsNamed_NothingIsCreated_AndTheDescriptorIsWritten()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        dir.WriteFile("workspace/db/001_nul.sql", "CREATE TABLE a (id int);\nSELECT 'x\0y';\n");
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["migrations-path"] = "db" }, pr);
        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json")))!;
        Assert.Multiple(async () =>
        {
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("001_nul.sql").And.Contain("NUL").And.Not.Contain("Unexpected"));
            Assert.That(descriptor["schemaCreated"]!.GetValue<bool>(), Is.False);
            Assert.That(descriptor["schemaError"]!.GetValue<string>(), Does.Contain("001_nul.sql"));
            Assert.That(await SchemaExistsAsync($"bookiji_pr_{pr}"), Is.False, "a folder holding a bad file is refused before the database is touched");
        });
    }

    [Test]
    public async Task WorkflowDispatch_WithAppEnvPrN_TakesTheNumberFromIt()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["mode"] = "create", ["base-url-template"] = "https://pr-{number}.bookiji.com" }, env: new() { ["APP_ENV"] = $"pr_{pr}" }, eventName: "workflow_dispatch");
        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json")))!;
        Assert.Multiple(async () =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["base-url"], Is.EqualTo($"https://pr-{pr}.bookiji.com"));
            Assert.That(descriptor["prNumber"]!.GetValue<int>(), Is.EqualTo(pr));
            Assert.That(await SchemaExistsAsync($"bookiji_pr_{pr}"), Is.True);
        });
    }

    [Test]
    public async Task Destroy_OnSchedule_IgnoresTheBaseUrlTemplate()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl }, pr);
        var destroy = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["mode"] = "destroy", ["app-env"] = $"pr_{pr}", ["base-url-template"] = "https://{branch}-{number}.x/{oops}" },
            eventName: "schedule");
        Assert.Multiple(async () =>
        {
            Assert.That(destroy.Annotations("error"), Is.Empty, destroy.Log);
            Assert.That(destroy.Outputs["destroyed"], Is.EqualTo("true"));
            Assert.That(await SchemaExistsAsync($"bookiji_pr_{pr}"), Is.False);
        });
    }

    [Test]
    public async Task Sweep_InvalidBaseUrlTemplate_IsIgnored()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var sweep = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["schema-prefix"] = $"none{NewPullRequest()}_", ["base-url-template"] = "not a url {oops}" }, eventName: "schedule");
        Assert.Multiple(() =>
        {
            Assert.That(sweep.Annotations("error"), Is.Empty, sweep.Log);
            Assert.That(sweep.Outputs["mode"], Is.EqualTo("sweep"));
            Assert.That(sweep.Outputs["removed"], Is.EqualTo("[]"));
        });
    }

    [Test]
    public async Task WorkflowDispatch_DatabaseDown_DescriptorIsStillWritten()
    {
        using var dir = new TemporaryDirectory();
        var pr = NewPullRequest();
        var url = $"postgres://app:pw@127.0.0.1:{FreePort.Next()}/app";
        var result = await RunAsync(dir, new() { ["database-url"] = url, ["app-env"] = $"pr_{pr}", ["base-url-template"] = "https://pr-{number}.bookiji.com" }, eventName: "workflow_dispatch");
        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("Could not connect"));
            Assert.That(descriptor["baseUrl"]!.GetValue<string>(), Is.EqualTo($"https://pr-{pr}.bookiji.com"));
            Assert.That(descriptor["schemaCreated"]!.GetValue<bool>(), Is.False);
            Assert.That(descriptor["expiresAt"], Is.Null, "a schema never created does not expire");
            Assert.That(result.Summary, Does.Contain("schema not created").And.Not.Contain("Expires"));
        });
    }

    [TestCase("https://pr-{number}.bookiji.com", "https://pr-{pr}.bookiji.com")]
    [TestCase("https://preview.Bookiji.com/pr-{number}", "https://preview.Bookiji.com/pr-{pr}")]
    [TestCase("https://preview.bookiji.com/{app-env}/", "https://preview.bookiji.com/pr-{pr}/")]
    public async Task BaseUrl_IsWrittenAsTheTemplateExpands_WithoutNormalising(string template, string expected)
    {
        using var dir = new TemporaryDirectory();
        var pr = NewPullRequest();
        var result = await RunAsync(dir, new() { ["base-url-template"] = template }, pr);
        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, ".ephemeral-env.json")))!;
        var want = expected.Replace("{pr}", pr.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(descriptor["baseUrl"]!.GetValue<string>(), Is.EqualTo(want));
            Assert.That(result.Outputs["base-url"], Is.EqualTo(want));
        });
    }

    [Test]
    public async Task Migration_LikeFollowedByAQuote_IsNotAnEString_SoTheNextErrorIsOnItsOwnLine()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        dir.WriteFile("workspace/db/001.sql", "CREATE TABLE t (name text);\nSELECT count(*) FROM t WHERE name LIKE'a\\';\n\nINSERT INTO missing_table VALUES (1);\n");
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["migrations-path"] = "db" }, pr);
        Assert.That(result.Annotations("error").Single().Message, Does.Contain("001.sql failed at line 4").And.Contain("42P01"));
    }

    [Test]
    public async Task Summary_OnSuccess_HasTheExpiryAndPlainHeading_AndLogsAreGrouped()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        dir.WriteFile("workspace/db/001.sql", "CREATE TABLE a (id int);\n");
        var result = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["migrations-path"] = "db" }, pr);
        var groups = result.Commands.Where(c => c.Command == "group").Select(c => c.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Summary, Does.Contain($"<h2>Ephemeral environment pr_{pr}</h2>").And.Contain("Expires"));
            Assert.That(groups, Has.Some.Contains("schema").And.Some.Contains("Migrations"));
            Assert.That(result.Commands.Count(c => c.Command == "endgroup"), Is.EqualTo(groups.Count));
        });
    }

    [Test]
    public async Task Sweep_OneEnvironmentThatCannotBeDropped_DoesNotKeepTheOthers()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var prefix = $"sb{NewPullRequest()}_";
        var old = new DateTimeOffset(2020, 3, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var env in new[] { "pr_1", "pr_2" })
        {
            var r = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["schema-prefix"] = prefix, ["app-env"] = env }, now: old);
            Assert.That(r.Annotations("error"), Is.Empty, r.Log);
        }

        // An event trigger refuses to drop this one schema (other tests' DDL passes through untouched).
        var trigger = $"block_{prefix.TrimEnd('_')}";
        await ExecuteAsync($"""
            CREATE FUNCTION {trigger}() RETURNS event_trigger LANGUAGE plpgsql AS $f$
            BEGIN IF current_query() LIKE '%{prefix}pr\_1"%' THEN RAISE EXCEPTION 'blocked by test'; END IF; END $f$;
            CREATE EVENT TRIGGER {trigger} ON ddl_command_start WHEN TAG IN ('DROP SCHEMA') EXECUTE FUNCTION {trigger}();
            """);
        try
        {
            var sweep = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["schema-prefix"] = prefix, ["mode"] = "sweep" }, eventName: "schedule");
            Assert.Multiple(async () =>
            {
                Assert.That(sweep.Outputs["removed"], Is.EqualTo("[\"pr_2\"]"), sweep.Log);
                Assert.That(sweep.Annotations("error").Single().Properties["title"], Is.EqualTo("ephemeral-env: sweep incomplete"));
                Assert.That(sweep.Annotations("warning").Select(w => w.Message), Has.Some.Contains($"{prefix}pr_1").And.Some.Contains("blocked by test"));
                Assert.That(sweep.Summary, Does.Contain("removal failed"));
                Assert.That(await SchemaExistsAsync($"{prefix}pr_2"), Is.False);
            });
        }
        finally
        {
            await ExecuteAsync($"DROP EVENT TRIGGER {trigger}; DROP FUNCTION {trigger}();");
        }
    }
}
