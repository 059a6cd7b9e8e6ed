using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using StackExchange.Redis;
using static Bookiji.Actions.Tests.Actions.EphemeralEnv.EphemeralEnvHarness;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv;

[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EphemeralEnvLifecycleTests
{
    [Test]
    public async Task ClosedPullRequest_AutoDestroys_SchemaRoleAndRedisKeys()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var redisServer = await SharedServices.RedisAsync();
        var pr = NewPullRequest();
        var with = new Dictionary<string, string> { ["database-url"] = server.DatabaseUrl, ["redis-url"] = redisServer.Url, ["create-role"] = "true" };
        var created = await RunAsync(dir, with, pr);
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redisServer.Port},password={redisServer.Password}");
        var db = redis.GetDatabase();
        for (var i = 0; i < 1200; i++)
        {
            await db.StringSetAsync($"bookiji:pr_{pr}:cache:{i}", "x");
        }

        await db.StringSetAsync($"bookiji:pr_{pr}0:other", "must survive");
        var destroyed = await RunAsync(dir, with, pr, prAction: "closed");
        Assert.Multiple(async () =>
        {
            Assert.That(created.Outputs["redis-namespace"], Is.EqualTo($"bookiji:pr_{pr}"));
            Assert.That(destroyed.Annotations("error"), Is.Empty, destroyed.Log);
            Assert.That(destroyed.Outputs["mode"], Is.EqualTo("destroy"));
            Assert.That(destroyed.Outputs["destroyed"], Is.EqualTo("true"));
            Assert.That(await SchemaExistsAsync($"bookiji_pr_{pr}"), Is.False);
            Assert.That(await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @r)", ("r", $"bookiji_pr_{pr}_owner")), Is.False);
            Assert.That(destroyed.Outputs["redis-keys-removed"], Is.EqualTo("1201"), "1200 keys and the marker");
            Assert.That((string?)await db.StringGetAsync($"bookiji:pr_{pr}0:other"), Is.EqualTo("must survive"), "a namespace sharing the prefix is untouched");
        });
    }

    [Test]
    public async Task Destroy_NeverDropsASchemaItDidNotCreate_EvenMatchingThePrefix()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        await ExecuteAsync($"CREATE SCHEMA bookiji_pr_{pr}; CREATE TABLE bookiji_pr_{pr}.precious (id int)");
        var destroy = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["mode"] = "destroy" }, pr);
        var create = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl }, pr);
        Assert.Multiple(async () =>
        {
            Assert.That(destroy.Annotations("error").Single().Message, Does.Contain("was not created by ephemeral-env"));
            Assert.That(create.Annotations("error").Single().Message, Does.Contain("was not created by ephemeral-env"));
            Assert.That(await ScalarAsync<bool>($"SELECT to_regclass('bookiji_pr_{pr}.precious') IS NOT NULL"), Is.True);
        });
    }

    [Test]
    public async Task Destroy_Twice_IsIdempotent()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        var pr = NewPullRequest();
        var with = new Dictionary<string, string> { ["database-url"] = server.DatabaseUrl, ["mode"] = "destroy" };
        await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl }, pr);
        await RunAsync(dir, with, pr);
        var again = await RunAsync(dir, with, pr);
        Assert.Multiple(() =>
        {
            Assert.That(again.Annotations("error"), Is.Empty);
            Assert.That(again.Outputs["destroyed"], Is.EqualTo("false"));
        });
    }

    [Test]
    public async Task Sweep_RemovesClosedAndExpired_KeepsOpenAndForeign()
    {
        using var dir = new TemporaryDirectory();
        var server = await SharedServices.PostgresAsync();
        await using var github = await FakeGitHubServer.StartAsync();
        var prefix = $"sw{NewPullRequest()}_";
        var ghValues = new Dictionary<string, string> { ["api_url"] = github.ApiUrl, ["token"] = github.Token };
        var open = github.AddPullRequest("bookiji/bookiji");
        var closed = github.AddPullRequest("bookiji/bookiji", p => p.State = "closed");
        var old = github.AddPullRequest("bookiji/bookiji");
        foreach (var (pull, created) in new[] { (open, Now), (closed, Now), (old, Now.AddDays(-10)) })
        {
            var r = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["schema-prefix"] = prefix, ["app-env"] = $"pr_{pull.Number}" }, pull.Number, github: ghValues, now: created);
            Assert.That(r.Annotations("error"), Is.Empty, r.Log);
        }

        await ExecuteAsync($"CREATE SCHEMA {prefix}pr_999");
        var sweep = await RunAsync(dir, new() { ["database-url"] = server.DatabaseUrl, ["schema-prefix"] = prefix, ["mode"] = "sweep" }, github: ghValues, now: Now.AddHours(1), eventName: "schedule");
        var removed = JsonNode.Parse(sweep.Outputs["removed"])!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(sweep.Annotations("error"), Is.Empty, sweep.Log);
            Assert.That(removed, Is.EquivalentTo(new[] { $"pr_{closed.Number}", $"pr_{old.Number}" }));
            Assert.That(sweep.Outputs["kept"], Is.EqualTo("1"));
            Assert.That(await SchemaExistsAsync($"{prefix}pr_{open.Number}"), Is.True);
            Assert.That(await SchemaExistsAsync($"{prefix}pr_{closed.Number}"), Is.False);
            Assert.That(await SchemaExistsAsync($"{prefix}pr_999"), Is.True, "a foreign schema matching the prefix is not even considered");
            Assert.That(sweep.Summary, Does.Contain("is closed").And.Contain("TTL passed"));
        });
    }
}
