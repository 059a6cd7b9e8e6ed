using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.GitHub;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.Watchdog.Incidents;

namespace Bookiji.Actions.Tests.Tools.StandIns;

/// <summary>The fake answers the project's one GitHub client (<see cref="GitHubRest"/>) in the shapes GitHub documents.</summary>
[Category("Integration")]
[TestFixture]
public sealed class FakeGitHubServerTests
{
    private static GitHubContext Context(FakeGitHubServer fake) =>
        GitHubContext.From(new ActionEnvironment(new Dictionary<string, string> { ["GITHUB_API_URL"] = fake.ApiUrl }));

    [Test]
    public async Task Issues_CreateFindByLabelCommentClose_RoundTrip()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        using var manager = new IncidentManager(Context(fake), new RepositoryRef("octo", "app"), fake.Token);
        var created = await manager.OpenAsync("down", CancellationToken.None);
        fake.AddIssue("octo", "app", "unrelated", labels: ["bug"]);
        var open = await manager.FindOpenAsync(CancellationToken.None);
        await manager.CommentAsync(created.Number, "still down", CancellationToken.None);
        await manager.UpdateAsync(created.Number, "marker", "completed", CancellationToken.None);
        var stored = fake.Issues("octo/app").Single(i => i.Number == created.Number);
        Assert.Multiple(() =>
        {
            Assert.That(created.Labels?.Select(l => l.Name), Is.EquivalentTo(IncidentText.Labels));
            Assert.That(open.Select(i => i.Number), Is.EqualTo(new[] { created.Number }));
            Assert.That(stored.Comments, Is.EqualTo(new[] { "still down" }));
            Assert.That(stored.State, Is.EqualTo("closed"));
            Assert.That(fake.RequestLog[0], Does.StartWith("POST /repos/octo/app/issues"));
        });
    }

    [Test]
    public async Task PullFiles_ArePaginated_AndCappedAt3000()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        var pull = fake.AddPullRequest("octo/app", p => p.Files.AddRange(Enumerable.Range(0, 3500).Select(i => new FakePullFile($"src/f{i}.ts"))));
        using var http = GitHubRest.CreateClient(fake.ApiUrl, fake.Token);
        var count = 0;
        for (var page = 1; page <= 31; page++)
        {
            var items = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"repos/octo/app/pulls/{pull.Number}/files?per_page=100&page={page}"))!.AsArray();
            count += items.Count;
            if (items.Count < 100)
            {
                break;
            }
        }

        var got = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"repos/octo/app/pulls/{pull.Number}"))!;
        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(FakeGitHubServer.MaxPullFiles));
            Assert.That(got["changed_files"]!.GetValue<int>(), Is.EqualTo(3500), "changed_files tells the truth the file list hides");
        });
    }

    [Test]
    public async Task Request_WrongToken_IsBadCredentials()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        using var http = GitHubRest.CreateClient(fake.ApiUrl, "ghs_wrong");
        using var response = await http.GetAsync("repos/octo/app/issues/1");
        Assert.That((int)response.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task TransientFaultsAndSecondaryRateLimits_AreRetried_HonouringRetryAfter()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        fake.AddIssue("octo/app", "x");
        fake.InjectFaults(500);
        fake.InjectFaults(429);
        fake.InjectFaults(403); // GitHub's secondary rate limit, with Retry-After
        using var http = GitHubRest.CreateClient(fake.ApiUrl, fake.Token);
        var issue = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("repos/octo/app/issues/1"))!;
        Assert.Multiple(() =>
        {
            Assert.That(issue["title"]!.GetValue<string>(), Is.EqualTo("x"));
            Assert.That(fake.RequestLog.Count(r => r == "GET /repos/octo/app/issues/1"), Is.EqualTo(4), "500, 429 and 403 with Retry-After, then the answer");
        });
    }

    [Test]
    public async Task Redirect_IsNeverFollowed_SoTheTokenNeverReachesAnotherOrigin()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        await using var elsewhere = await RecordingServer.StartAsync();
        fake.InjectRedirect(elsewhere.BaseAddress);
        using var manager = new IncidentManager(Context(fake), new RepositoryRef("octo", "app"), fake.Token);
        var failure = Assert.ThrowsAsync<HttpRequestException>(() => manager.FindOpenAsync(CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(elsewhere.Count, Is.Zero);
            Assert.That(IncidentManager.Describe(failure!), Does.Contain("redirect"));
        });
    }
}
