using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.PullRequests;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.StandIns.Fakes;

namespace Bookiji.Actions.Tests.Core.PullRequests;

/// <summary>The sticky PR comment against the stateful fake GitHub (issue-comment endpoints in their documented shapes).</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class StickyPrCommentTests
{
    private const string Repo = "bookiji/bookiji";

    private static ActionRuntime Runtime(FakeGitHubServer github) => new(
        new ActionEnvironment(new Dictionary<string, string> { ["GITHUB_API_URL"] = github.ApiUrl, ["GITHUB_REPOSITORY"] = Repo }),
        TextWriter.Null,
        TimeProvider.System,
        Guid.NewGuid);

    [Test]
    public async Task Upsert_TwiceFromOneAction_EditsTheOneCommentInPlace()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var pr = github.AddPullRequest(Repo).Number;
        var runtime = Runtime(github);
        var first = await StickyPrComment.UpsertAsync(runtime, github.Token, pr, "predict-tests", "risk: low", CancellationToken.None);
        var second = await StickyPrComment.UpsertAsync(runtime, github.Token, pr, "predict-tests", "risk: high", CancellationToken.None);
        var comments = github.Comments(Repo, pr);
        Assert.Multiple(() =>
        {
            Assert.That(first.Posted && second.Posted, Is.True, first.Warning ?? second.Warning);
            Assert.That(second.CommentId, Is.EqualTo(first.CommentId));
            Assert.That(comments, Has.Count.EqualTo(1));
            Assert.That(comments[0].Body, Does.Contain("risk: high").And.Not.Contain("risk: low"));
        });
    }

    [Test]
    public async Task Upsert_WithAPersonalToken_FindsItsOwnCommentAgain_AndLeavesAnotherPersonsAlone()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.TokenLogin = "release-manager"; // a personal token: comments are by a User, GET /user answers
        var pr = github.AddPullRequest(Repo).Number;
        var forged = github.AddComment(Repo, pr, PrCommentBody.Marker + "\nforged", author: "mallory");
        var runtime = Runtime(github);
        var first = await StickyPrComment.UpsertAsync(runtime, github.Token, pr, "predict-tests", "risk: low", CancellationToken.None);
        var second = await StickyPrComment.UpsertAsync(runtime, github.Token, pr, "deploy-metadata", "recorded", CancellationToken.None);
        var comments = github.Comments(Repo, pr);
        Assert.Multiple(() =>
        {
            Assert.That(first.Posted && second.Posted, Is.True, first.Warning ?? second.Warning);
            Assert.That(second.CommentId, Is.EqualTo(first.CommentId), "before, a personal token's comment was never found again");
            Assert.That(comments, Has.Count.EqualTo(2), "ours and mallory's");
            Assert.That(comments.Single(c => c.Id == first.CommentId).Body, Does.Contain("risk: low").And.Contain("recorded"));
            Assert.That(comments.Single(c => c.Id == forged.Id).Body, Does.EndWith("forged"), "another person's marker comment is untouched");
        });
    }

    [TestCase(403, null, TestName = "Upsert_BotToken_GetUserRateLimitedWithRetryAfter_StillPosts")]
    [TestCase(null, "<html>upstream hiccup</html>{\"login\":", TestName = "Upsert_BotToken_GetUserAnswersGarbage_StillPosts")]
    public async Task Upsert_BotToken_GetUserFails_StillPostsAsTheBot_AndLeavesThePersonsMarkerAlone(int? status, string? body)
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.UserFaultStatus = status;
        github.UserBody = body;
        var pr = github.AddPullRequest(Repo).Number;
        var forged = github.AddComment(Repo, pr, PrCommentBody.Marker + "\nforged", author: "mallory");
        var runtime = Runtime(github);
        var result = await StickyPrComment.UpsertAsync(runtime, github.Token, pr, "predict-tests", "risk: low", CancellationToken.None);
        var comments = github.Comments(Repo, pr);
        Assert.Multiple(() =>
        {
            Assert.That(result.Posted, Is.True, "before, a failed GET /user (garbage, or retried past the 30 s deadline) lost the comment: " + result.Warning);
            Assert.That(comments, Has.Count.EqualTo(2));
            Assert.That(comments.Single(c => c.Id == forged.Id).Body, Does.EndWith("forged"));
        });
    }

    [Test]
    public async Task Upsert_GetUserAnswersALookAlikeLogin_DoesNotTouchThePersonsMarker()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.TokenLogin = "release-manager";
        github.UserBody = "{\"login\":\"MALLORY\u212A\"}"; // not a GitHub login: never equal to anyone's
        var pr = github.AddPullRequest(Repo).Number;
        var forged = github.AddComment(Repo, pr, PrCommentBody.Marker + "\nforged", author: "malloryk");
        var runtime = Runtime(github);
        var result = await StickyPrComment.UpsertAsync(runtime, github.Token, pr, "predict-tests", "risk: low", CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Posted, Is.True, result.Warning);
            Assert.That(result.CommentId, Is.Not.EqualTo(forged.Id));
            Assert.That(github.Comments(Repo, pr).Single(c => c.Id == forged.Id).Body, Does.EndWith("forged"));
        });
    }

    [TestCase("mallory", "Mallory", true)]
    [TestCase("mallory", "mallory2", false)]
    [TestCase("sam", "\u017Fam", false)] // long s: OrdinalIgnoreCase alone may equate it with "s"
    [TestCase("mallory", "", false)]
    [TestCase("", "", false)]
    public void IsOurs_PersonsMarkerComment_OnlyForTheTokensOwnLogin(string tokenLogin, string author, bool ours)
    {
        var comment = new IssueComment { Id = 1, Body = PrCommentBody.Marker + "\nx", User = new CommentAuthor { Login = author, Type = "User" } };
        Assert.That(StickyPrComment.IsOurs(comment, tokenLogin), Is.EqualTo(ours));
    }

    [Test]
    public async Task Upsert_FourConcurrentJobs_LeaveOneCommentWithEverySection()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var pr = github.AddPullRequest(Repo).Number;
        string[] sections = ["predict-tests", "ephemeral-env", "deploy-metadata", "traffic-shadow"];
        var results = await Task.WhenAll(sections.Select(async section =>
        {
            var runtime = Runtime(github);
            return await StickyPrComment.UpsertAsync(runtime, github.Token, pr, section, $"{section} says hello", CancellationToken.None);
        }));
        var comments = github.Comments(Repo, pr);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Warning), Is.All.Null);
            Assert.That(comments, Has.Count.EqualTo(1), "never duplicated by concurrent jobs");
            Assert.That(PrCommentBody.Sections(comments[0].Body).Keys, Is.EquivalentTo(sections));
        });
    }

    [Test]
    public async Task Upsert_OtherCommentsOnThePullRequest_AreLeftAlone()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var pr = github.AddPullRequest(Repo).Number;
        var runtime = Runtime(github);
        await StickyPrComment.UpsertAsync(runtime, github.Token, pr, "deploy-metadata", "recorded", CancellationToken.None);
        Assert.That(github.Comments(Repo, pr).Single().Body, Does.StartWith(PrCommentBody.Marker));
    }

    [Test]
    public async Task Upsert_TokenWithoutWriteAccess_IsAWarningNeverAFailure()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var pr = github.AddPullRequest(Repo).Number;
        var runtime = Runtime(github);
        var result = await StickyPrComment.UpsertAsync(runtime, "ghs_someone_elses_token_00000000000000", pr, "predict-tests", "x", CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Posted, Is.False);
            Assert.That(result.Warning, Does.Contain("pull-requests: write"));
        });
    }

    [Test]
    public async Task Upsert_OutsideAPullRequest_SaysSoWithoutCallingGitHub()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var runtime = Runtime(github);
        var result = await StickyPrComment.UpsertAsync(runtime, github.Token, null, "predict-tests", "x", CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Warning, Does.Contain("not for a pull request"));
            Assert.That(github.RequestLog, Is.Empty);
        });
    }

    [Test]
    public async Task Upsert_AUserCommentCarryingTheMarker_IsNeitherEditedNorFoldedNorDeleted()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var pr = github.AddPullRequest(Repo).Number;
        var forged = PrCommentBody.WithSection(null, "traffic-shadow", "**Canary verdict: promote** (forged)");
        var mallory = github.AddComment(Repo, pr, forged);
        var runtime = Runtime(github);
        var result = await StickyPrComment.UpsertAsync(runtime, github.Token, pr, "predict-tests", "risk: low", CancellationToken.None);
        var comments = github.Comments(Repo, pr);
        var ours = comments.Single(c => c.Author == "github-actions[bot]");
        Assert.Multiple(() =>
        {
            Assert.That(result.CommentId, Is.EqualTo(ours.Id));
            Assert.That(comments.Single(c => c.Id == mallory.Id).Body, Is.EqualTo(forged), "another user's comment is left as it is");
            Assert.That(ours.Body, Does.Not.Contain("forged"), "its sections are never folded into ours");
        });
    }

    [Test]
    public async Task Upsert_ReportTextCarryingMarkers_CannotBreakOrForgeSections()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var pr = github.AddPullRequest(Repo).Number;
        var runtime = Runtime(github);
        var hostile = "- `tests/<!-- /section:predict-tests --><!-- section:traffic-shadow -->promote<!-- /section:traffic-shadow -->/a.test.ts`";
        var result = await StickyPrComment.UpsertAsync(runtime, github.Token, pr, "predict-tests", hostile, CancellationToken.None);
        var sections = PrCommentBody.Sections(github.Comments(Repo, pr).Single().Body);
        Assert.Multiple(() =>
        {
            Assert.That(result.Posted, Is.True, result.Warning);
            Assert.That(sections.Keys, Is.EqualTo(new[] { "predict-tests" }));
            Assert.That(sections["predict-tests"], Does.Contain("&lt;!-- /section:predict-tests"));
        });
    }
}
