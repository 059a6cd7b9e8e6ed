using Bookiji.Actions.TrafficShadow.Replay;
using HdrHistogram;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class TargetStatsTests
{
    private const string Endpoint = "GET /api/slots";

    [Test]
    public void Record_LatencyOutsideTheTrackedRange_IsClampedTo1MicrosecondAnd60Seconds()
    {
        var stats = new TargetStats(new Random(1));
        stats.Record(Endpoint, 0, 200, ErrorKind.None);
        stats.Record(Endpoint, 120_000_000, null, ErrorKind.Timeout);
        Assert.Multiple(() =>
        {
            Assert.That(stats.FirstLatenciesMs, Is.EqualTo(new[] { 0.001, 60_000.0 }));
            Assert.That(stats.Endpoints[Endpoint].Sample, Is.EqualTo(new[] { 1L, TargetStats.MaxMicros }));
            Assert.That(stats.Count, Is.EqualTo(2));
        });
    }

    [Test]
    public void Record_Failures_AreCountedByKind_AndOnly5xxAndTransportCountForTheCanaryJudgement()
    {
        var stats = new TargetStats(new Random(1));
        stats.Record(Endpoint, 1000, 200, ErrorKind.None);
        stats.Record(Endpoint, 1000, 404, ErrorKind.Client4xx);
        stats.Record(Endpoint, 1000, 503, ErrorKind.Server5xx);
        stats.Record(Endpoint, 1000, null, ErrorKind.Timeout);
        stats.Record(Endpoint, 1000, null, ErrorKind.Reset);
        var endpoint = stats.Endpoints[Endpoint];
        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Seen, Is.EqualTo(5));
            Assert.That(endpoint.Errors, Is.EqualTo(4));
            Assert.That(endpoint.ServerOrTransportErrors, Is.EqualTo(3));
            Assert.That(stats.Errors, Is.EquivalentTo(new Dictionary<ErrorKind, long> { [ErrorKind.Client4xx] = 1, [ErrorKind.Server5xx] = 1, [ErrorKind.Timeout] = 1, [ErrorKind.Reset] = 1 }));
            Assert.That(stats.StatusCodes, Is.EquivalentTo(new Dictionary<int, long> { [200] = 1, [404] = 1, [503] = 1 }), "transport errors have no status");
        });
    }

    [Test]
    public void Record_MoreRequestsThanTheReservoir_KeepsABoundedSampleDrawnFromAllOfThem()
    {
        var stats = new TargetStats(new Random(42), reservoirSize: 10);
        for (var i = 1; i <= 1000; i++)
        {
            stats.Record(Endpoint, i, 200, ErrorKind.None);
        }

        var sample = stats.Endpoints[Endpoint].Sample;
        Assert.Multiple(() =>
        {
            Assert.That(sample, Has.Count.EqualTo(10));
            Assert.That(sample, Is.All.InRange(1L, 1000L));
            Assert.That(sample, Has.Some.GreaterThan(10L), "a reservoir replaces early values with later ones");
            Assert.That(stats.Endpoints[Endpoint].Seen, Is.EqualTo(1000));
        });
    }

    [Test]
    public void Record_FirstLatencies_AreKeptInSendOrderInMillisecondsUpToTheCap()
    {
        var stats = new TargetStats(new Random(1), keepLatencies: 3);
        foreach (var micros in new long[] { 1500, 250, 3_000_001, 4500 })
        {
            stats.Record(Endpoint, micros, 200, ErrorKind.None);
        }

        Assert.Multiple(() =>
        {
            Assert.That(stats.FirstLatenciesMs, Is.EqualTo(new[] { 1.5, 0.25, 3000.001 }));
            Assert.That(stats.Count, Is.EqualTo(4), "the histogram covers every request");
        });
    }

    [Test]
    public void Record_Percentiles_AreWithinThreeSignificantDigits()
    {
        var stats = new TargetStats(new Random(1));
        for (var ms = 1; ms <= 1000; ms++)
        {
            stats.Record(Endpoint, ms * 1000L, 200, ErrorKind.None);
        }

        Assert.Multiple(() =>
        {
            Assert.That(stats.Histogram.GetValueAtPercentile(50), Is.EqualTo(500_000).Within(0.2).Percent);
            Assert.That(stats.Histogram.GetValueAtPercentile(99), Is.EqualTo(990_000).Within(0.2).Percent);
            Assert.That(stats.Endpoints[Endpoint].Histogram.GetMaxValue(), Is.EqualTo(1_000_000).Within(0.2).Percent);
        });
    }

    [Test]
    public void Merge_CountsHistogramsAndEndpoints_AreAdded()
    {
        var a = new TargetStats(new Random(1));
        var b = new TargetStats(new Random(2));
        a.Record(Endpoint, 1000, 200, ErrorKind.None);
        a.Record(Endpoint, 2000, 500, ErrorKind.Server5xx);
        b.Record(Endpoint, 3000, 500, ErrorKind.Server5xx);
        b.Record("POST /api/bookings", 4000, 201, ErrorKind.None);
        a.Merge(b);
        Assert.Multiple(() =>
        {
            Assert.That(a.Count, Is.EqualTo(4));
            Assert.That(a.StatusCodes, Is.EquivalentTo(new Dictionary<int, long> { [200] = 1, [500] = 2, [201] = 1 }));
            Assert.That(a.Errors, Is.EquivalentTo(new Dictionary<ErrorKind, long> { [ErrorKind.Server5xx] = 2 }));
            Assert.That(a.Endpoints[Endpoint].Seen, Is.EqualTo(3));
            Assert.That(a.Endpoints[Endpoint].ServerOrTransportErrors, Is.EqualTo(2));
            Assert.That(a.Endpoints[Endpoint].Histogram.TotalCount, Is.EqualTo(3));
            Assert.That(a.Endpoints["POST /api/bookings"].Sample, Is.EqualTo(new[] { 4000L }));
            Assert.That(a.FirstLatenciesMs, Is.EqualTo(new[] { 1.0, 2.0, 3.0, 4.0 }));
        });
    }

    [Test]
    public void Merge_SamplesAndFirstLatencies_StayWithinTheReceiversBounds()
    {
        var a = new TargetStats(new Random(1), reservoirSize: 3, keepLatencies: 3);
        var b = new TargetStats(new Random(2), reservoirSize: 3, keepLatencies: 3);
        a.Record(Endpoint, 1000, 200, ErrorKind.None);
        a.Record(Endpoint, 2000, 200, ErrorKind.None);
        b.Record(Endpoint, 3000, 200, ErrorKind.None);
        b.Record(Endpoint, 4000, 200, ErrorKind.None);
        a.Merge(b);
        Assert.Multiple(() =>
        {
            Assert.That(a.Endpoints[Endpoint].Sample, Is.EqualTo(new[] { 1000L, 2000L, 3000L }));
            Assert.That(a.FirstLatenciesMs, Is.EqualTo(new[] { 1.0, 2.0, 3.0 }));
            Assert.That(a.Count, Is.EqualTo(4), "the histograms merge losslessly");
        });
    }
}
