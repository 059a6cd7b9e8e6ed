using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Planning;

[TestFixture]
public sealed class ShardBalancerTests
{
    [Test]
    public void Balance_LongestFirst_BeatsCountBasedSplitting()
    {
        var durations = new Dictionary<string, double> { ["a"] = 600, ["b"] = 300, ["c"] = 290, ["d"] = 10, ["e"] = 10, ["f"] = 5 };
        var shards = ShardBalancer.Balance([.. durations.Keys], 2, t => durations[t]);
        Assert.Multiple(() =>
        {
            Assert.That(shards.Select(s => s.EstimatedSeconds), Is.EquivalentTo(new[] { 610.0, 605.0 }), "a count split (3+3) would give 1190 vs 25");
            Assert.That(shards.SelectMany(s => s.Tests), Is.EquivalentTo(durations.Keys), "every test lands on exactly one shard");
            Assert.That(ShardBalancer.Imbalance(shards), Is.LessThan(1.02));
        });
    }

    [TestCase(Risk.Low, 4, 10, 1)]
    [TestCase(Risk.Medium, 4, 10, 2)]
    [TestCase(Risk.High, 4, 10, 4)]
    [TestCase(Risk.High, 3, 10, 3)]
    [TestCase(Risk.High, 4, 2, 2)]
    [TestCase(Risk.Medium, 4, 0, 1)]
    public void ShardsFor_RiskMaxAndTestCount_FollowsTheRiskCappedByMaxAndTests(Risk risk, int max, int tests, int expected) =>
        Assert.That(TestPlanner.ShardsFor(risk, max, tests), Is.EqualTo(expected));
}
