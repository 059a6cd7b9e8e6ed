using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.GitHub;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.Testing.Fakes;
using Octokit;

namespace Bookiji.Actions.Tests.Testing;

/// <summary>The fake answers Octokit (built by the shared library from GITHUB_API_URL) in shapes it can read.</summary>
[TestFixture]
public sealed class FakeGitHubServerTests
{
    private static GitHubClient Client(FakeGitHubServer fake, string? token = null) =>
        GitHubClientFactory.Create(
            GitHubContext.From(new ActionEnvironment(new Dictionary<string, string> { ["GITHUB_API_URL"] = fake.ApiUrl })),
            token ?? fake.Token);

    [Test]
    public async Task Issues_CreateFindByLabelCommentCloseLock_RoundTripThroughOctokit()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        var client = Client(fake);
        var created = await client.Issue.Create("octo", "app", new NewIssue("[incident] Production degradation detected") { Body = "down", Labels = { "incident", "watchdog" } });
        fake.AddIssue("octo", "app", "unrelated", labels: ["bug"]);
        var open = await client.Issue.GetAllForRepository("octo", "app", new RepositoryIssueRequest { Labels = { "incident" }, State = ItemStateFilter.Open });
        await client.Issue.Comment.Create("octo", "app", created.Number, "still down");
        await client.Issue.Update("octo", "app", created.Number, new IssueUpdate { State = ItemState.Closed });
        await client.Issue.LockUnlock.Lock("octo", "app", created.Number);
        var stored = fake.Issues("octo/app").Single(i => i.Number == created.Number);
        Assert.Multiple(() =>
        {
            Assert.That(created.Labels.Select(l => l.Name), Is.EquivalentTo(new[] { "incident", "watchdog" }));
            Assert.That(open.Select(i => i.Number), Is.EqualTo(new[] { created.Number }));
            Assert.That(stored.Comments, Is.EqualTo(new[] { "still down" }));
            Assert.That(stored.State, Is.EqualTo("closed"));
            Assert.That(stored.Locked, Is.True);
            Assert.That(fake.RequestLog[0], Does.StartWith("POST /repos/octo/app/issues"), "Octokit addresses a non-github.com host under /api/v3, which the fake strips");
        });
    }

    [Test]
    public async Task PullFiles_ArePaginated_AndCappedAt3000()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        var pull = fake.AddPullRequest("octo/app", p => p.Files.AddRange(Enumerable.Range(0, 3500).Select(i => new FakePullFile($"src/f{i}.ts"))));
        pull.Files[0] = new FakePullFile("src/new.ts", "renamed", "src/old.ts");
        var files = await Client(fake).PullRequest.Files("octo", "app", pull.Number, new ApiOptions { PageSize = 100 });
        var got = await Client(fake).PullRequest.Get("octo", "app", pull.Number);
        Assert.Multiple(() =>
        {
            Assert.That(files, Has.Count.EqualTo(FakeGitHubServer.MaxPullFiles));
            Assert.That(files[0].PreviousFileName, Is.EqualTo("src/old.ts"));
            Assert.That(got.ChangedFiles, Is.EqualTo(3500), "changed_files tells the truth the file list hides");
            Assert.That(fake.RequestLog.Count(r => r.Contains("/files", StringComparison.Ordinal)), Is.EqualTo(30));
        });
    }

    [Test]
    public async Task WrongToken_IsBadCredentials()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        var ex = Assert.ThrowsAsync<AuthorizationException>(() => Client(fake, "ghs_wrong").Issue.Get("octo", "app", 1));
        Assert.That(ex!.Message, Is.EqualTo("Bad credentials"));
    }

    [Test]
    public async Task TransientFaultsAndSecondaryRateLimits_AreRetried_HonouringRetryAfter()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        fake.AddIssue("octo/app", "x");
        fake.InjectFaults(500);
        fake.InjectFaults(429);
        fake.InjectFaults(403); // GitHub's secondary rate limit, with Retry-After
        var issue = await Client(fake).Issue.Get("octo", "app", 1);
        Assert.Multiple(() =>
        {
            Assert.That(issue.Title, Is.EqualTo("x"));
            Assert.That(fake.RequestLog.Count(r => r == "GET /repos/octo/app/issues/1"), Is.EqualTo(4), "500, 429 and 403 with Retry-After, then the answer");
        });
    }

    [Test]
    public async Task PersistentFaults_SurfaceAfterTheRetries()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        fake.AddIssue("octo/app", "x");
        fake.InjectFaults(502, count: 4);
        Assert.ThrowsAsync<ApiException>(() => Client(fake).Issue.Get("octo", "app", 1));
        Assert.That(fake.RequestLog.Count(r => r == "GET /repos/octo/app/issues/1"), Is.EqualTo(4), "the first try and three retries");
    }
}
