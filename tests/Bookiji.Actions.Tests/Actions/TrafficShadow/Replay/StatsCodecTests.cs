using Bookiji.Actions.TrafficShadow.Replay;
using Bookiji.Actions.TrafficShadow.Results;
using HdrHistogram;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class StatsCodecTests
{
    private static TargetStats Sample()
    {
        var stats = new TargetStats(new Random(7));
        for (var i = 1; i <= 200; i++)
        {
            var failed = i % 20 == 0;
            stats.Record(i % 2 == 0 ? "GET /a" : "GET /b/{id}", i * 997L, failed ? 503 : 200, failed ? ErrorKind.Server5xx : ErrorKind.None);
        }

        stats.Record("GET /a", 10_000_000, null, ErrorKind.Timeout);
        return stats;
    }

    private static RawTargetStats Empty() => StatsCodec.Encode(new TargetStats(new Random(1)));

    [Test]
    public void Decode_OfEncode_GivesBackEveryNumber()
    {
        var original = Sample();
        var decoded = StatsCodec.Decode(StatsCodec.Encode(original), new Random(1));
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Count, Is.EqualTo(original.Count));
            Assert.That(decoded.Histogram.GetValueAtPercentile(95), Is.EqualTo(original.Histogram.GetValueAtPercentile(95)));
            Assert.That(decoded.Histogram.GetMaxValue(), Is.EqualTo(original.Histogram.GetMaxValue()));
            Assert.That(decoded.StatusCodes, Is.EquivalentTo(original.StatusCodes));
            Assert.That(decoded.Errors, Is.EquivalentTo(original.Errors));
            Assert.That(decoded.FirstLatenciesMs, Is.EqualTo(original.FirstLatenciesMs));
            Assert.That(decoded.Endpoints.Keys, Is.EquivalentTo(original.Endpoints.Keys));
            foreach (var (key, endpoint) in original.Endpoints)
            {
                var back = decoded.Endpoints[key];
                Assert.That((back.Seen, back.Errors, back.ServerOrTransportErrors), Is.EqualTo((endpoint.Seen, endpoint.Errors, endpoint.ServerOrTransportErrors)), key);
                Assert.That(back.Sample, Is.EqualTo(endpoint.Sample), key);
                Assert.That(back.Histogram.GetValueAtPercentile(50), Is.EqualTo(endpoint.Histogram.GetValueAtPercentile(50)), key);
            }
        });
    }

    [Test]
    public void Encode_StatusCodesAndErrorKinds_AreWrittenAsNumbersAndNamesInOrder()
    {
        var raw = StatsCodec.Encode(Sample());
        Assert.Multiple(() =>
        {
            Assert.That(raw.StatusCodes.Keys, Is.EqualTo(new[] { "200", "503" }));
            Assert.That(raw.Errors.Keys, Is.EqualTo(new[] { "Server5xx", "Timeout" }));
            Assert.That(raw.Endpoints.Keys, Is.EqualTo(new[] { "GET /a", "GET /b/{id}" }));
        });
    }

    [TestCase("ok")]
    [TestCase("-1")]
    [TestCase("")]
    public void Decode_StatusCodeThatIsNotANumber_ThrowsFormatException(string key)
    {
        var raw = Empty() with { StatusCodes = new Dictionary<string, long> { [key] = 1 } };
        Assert.That(() => StatsCodec.Decode(raw, new Random(1)), Throws.TypeOf<FormatException>());
    }

    [TestCase("Boom")]
    [TestCase("timeout")]
    [TestCase("99")]
    public void Decode_UnknownErrorKind_ThrowsFormatException(string key)
    {
        var raw = Empty() with { Errors = new Dictionary<string, long> { [key] = 1 } };
        Assert.That(() => StatsCodec.Decode(raw, new Random(1)), Throws.TypeOf<FormatException>());
    }

    [TestCase("not base64!")]
    [TestCase("AAAAAAAAAAAA")]
    [TestCase("")]
    public void Decode_HistogramThatDoesNotDecode_ThrowsFormatException(string histogram)
    {
        var raw = Empty() with { Histogram = histogram };
        Assert.That(() => StatsCodec.Decode(raw, new Random(1)), Throws.TypeOf<FormatException>());
    }
}
