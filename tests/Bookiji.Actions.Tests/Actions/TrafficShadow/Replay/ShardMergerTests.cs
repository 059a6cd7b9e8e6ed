using Bookiji.Actions.TrafficShadow.Replay;
using Bookiji.Actions.TrafficShadow.Results;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class ShardMergerTests
{
    private static TargetStats Stats(int requests, long micros, int status = 200, ErrorKind error = ErrorKind.None)
    {
        var stats = new TargetStats(new Random(1));
        for (var i = 0; i < requests; i++)
        {
            stats.Record("GET /api/slots", micros, status, error);
        }

        return stats;
    }

    private static TrafficShadowResults Shard(TargetStats canary, TargetStats? baseline, RunResults? run = null, params DiffResults[] diffs) => new()
    {
        Run = run ?? new RunResults(),
        Raw = new RawResults(StatsCodec.Encode(canary), baseline is null ? null : StatsCodec.Encode(baseline)),
        Diffs = diffs,
    };

    [Test]
    public void Merge_NoShards_HasNoResultAndNoFailures()
    {
        var (result, failed) = ShardMerger.Merge([], seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.Null);
            Assert.That(failed, Is.Empty);
        });
    }

    [Test]
    public void Merge_TwoShards_AddsTheirNumbersAndKeepsTheSlowestShardsTiming()
    {
        var (result, failed) = ShardMerger.Merge(
        [
            ("s1.json", Shard(Stats(30, 1000), Stats(30, 900), new RunResults { ElapsedSeconds = 10, Compared = 30, OverMaxBody = 1, MeanSendLagMs = 2, TargetRps = 5 })),
            ("s2.json", Shard(Stats(20, 3000, 503, ErrorKind.Server5xx), Stats(20, 900), new RunResults { ElapsedSeconds = 12, Compared = 20, OverMaxBody = 2, MeanSendLagMs = 1, Saturated = true, TargetRps = 5 })),
        ], seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.Empty);
            Assert.That(result!.Measured, Is.EqualTo(50));
            Assert.That(result.Canary.StatusCodes, Is.EquivalentTo(new Dictionary<int, long> { [200] = 30, [503] = 20 }));
            Assert.That(result.Canary.Endpoints["GET /api/slots"].ServerOrTransportErrors, Is.EqualTo(20));
            Assert.That(result.Baseline!.Count, Is.EqualTo(50));
            Assert.That(result.Compared, Is.EqualTo(50));
            Assert.That(result.OverLimitPairs, Is.EqualTo(3));
            Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(12)));
            Assert.That(result.MeanSendLagMs, Is.EqualTo(2));
            Assert.That(result.Saturated, Is.True);
            Assert.That(result.TargetRate, Is.EqualTo(10), "each shard sent its own share of the rate");
        });
    }

    [Test]
    public void Merge_ClosedLoopShards_HaveNoTargetRate()
    {
        var (result, _) = ShardMerger.Merge([("s1.json", Shard(Stats(1, 1000), null)), ("s2.json", Shard(Stats(1, 1000), null))], seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(result!.TargetRate, Is.Null);
            Assert.That(result.Baseline, Is.Null);
            Assert.That(result.Measured, Is.EqualTo(2));
        });
    }

    [Test]
    public void Merge_DiffsOfTheSameEndpoint_AreSummedKeepingTheFirstExample()
    {
        var (result, _) = ShardMerger.Merge(
        [
            ("s1.json", Shard(Stats(1, 1000), Stats(1, 1000), null, new DiffResults("GET /a", 2, "$.x: 1 → 2"), new DiffResults("GET /b", 1, "status 200 → 500"))),
            ("s2.json", Shard(Stats(1, 1000), Stats(1, 1000), null, new DiffResults("GET /a", 3, "$.y: 1 → 3"))),
        ], seed: 1);
        Assert.That(result!.Diffs, Is.EquivalentTo(new Dictionary<string, DiffCount> { ["GET /a"] = new(5, "$.x: 1 → 2"), ["GET /b"] = new(1, "status 200 → 500") }));
    }

    [Test]
    public void Merge_ShardWhoseNumbersDoNotDecode_IsNamedAndLeftOut()
    {
        var broken = Shard(Stats(5, 1000), null);
        broken = broken with { Raw = broken.Raw with { Canary = broken.Raw.Canary with { Histogram = "garbage!" } } };
        var (result, failed) = ShardMerger.Merge([("s1.json", Shard(Stats(3, 1000), null, new RunResults { Compared = 3 })), ("s2.json", broken with { Run = new RunResults { Compared = 5 } })], seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(failed.Select(f => f.File), Is.EqualTo(new[] { "s2.json" }));
            Assert.That(failed.Single().Problem, Does.StartWith("has raw numbers that do not decode"));
            Assert.That(result!.Measured, Is.EqualTo(3));
            Assert.That(result.Compared, Is.EqualTo(3), "a refused shard's run numbers are left out too");
        });
    }

    [Test]
    public void Merge_EveryShardUndecodable_HasNoResultAndNamesEachShard()
    {
        var broken = Shard(Stats(1, 1000), null);
        broken = broken with { Raw = broken.Raw with { Canary = broken.Raw.Canary with { StatusCodes = new Dictionary<string, long> { ["two hundred"] = 1 } } } };
        var (result, failed) = ShardMerger.Merge([("s1.json", broken), ("s2.json", broken)], seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.Null);
            Assert.That(failed.Select(f => f.File), Is.EqualTo(new[] { "s1.json", "s2.json" }));
        });
    }

    [Test]
    public void Merge_ShardsThatDisagreeOnHavingABaseline_LeaveTheOddOneOut()
    {
        var (withBaseline, failedA) = ShardMerger.Merge([("s1.json", Shard(Stats(2, 1000), Stats(2, 1000))), ("s2.json", Shard(Stats(4, 1000), null))], seed: 1);
        var (withoutBaseline, failedB) = ShardMerger.Merge([("s1.json", Shard(Stats(2, 1000), null)), ("s2.json", Shard(Stats(4, 1000), Stats(4, 1000)))], seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(failedA.Single(), Is.EqualTo(("s2.json", "has no baseline while the others have one")));
            Assert.That(withBaseline!.Measured, Is.EqualTo(2));
            Assert.That(withBaseline.Baseline!.Count, Is.EqualTo(2));
            Assert.That(failedB.Single(), Is.EqualTo(("s2.json", "has a baseline while the others have none")));
            Assert.That(withoutBaseline!.Baseline, Is.Null);
            Assert.That(withoutBaseline.Measured, Is.EqualTo(2));
        });
    }
}
