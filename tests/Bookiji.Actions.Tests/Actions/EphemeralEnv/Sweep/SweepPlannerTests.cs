using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Sweep;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv.Sweep;

[TestFixture]
public sealed class SweepPlannerTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 10, 0, 0, 0, TimeSpan.Zero);

    private static OwnedSchema Env(string appEnv, int? pr, double ageDays, string repo = "bookiji/bookiji") =>
        new("bookiji_" + appEnv, new OwnershipMarker { AppEnv = appEnv, PullRequest = pr, CreatedAt = Now.AddDays(-ageDays), Repository = repo });

    [Test]
    public void Plan_RemovesClosedAndExpired_KeepsOpenUnknownAndForeignRepos()
    {
        var decisions = SweepPlanner.Plan(
            [Env("pr_1", 1, 1), Env("pr_2", 2, 1), Env("pr_3", 3, 9), Env("pr_4", 4, 1), Env("pr_5", 5, 30, "other/repo")],
            "bookiji/bookiji", Now, TimeSpan.FromDays(7), new Dictionary<int, bool> { [1] = true, [2] = false, [3] = true });
        Assert.That(decisions.Select(d => (d.AppEnv, d.Remove)), Is.EqualTo(new[]
        {
            ("pr_1", false), ("pr_2", true), ("pr_3", true), ("pr_4", false), ("pr_5", false),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(decisions[1].Reason, Is.EqualTo("PR #2 is closed"));
            Assert.That(decisions[2].Reason, Does.StartWith("TTL passed"));
            Assert.That(decisions[3].Reason, Does.Contain("unknown"));
            Assert.That(decisions[4].Reason, Does.Contain("other/repo"));
        });
    }
}
