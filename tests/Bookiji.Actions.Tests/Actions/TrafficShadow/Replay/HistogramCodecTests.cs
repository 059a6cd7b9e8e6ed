using System.IO.Compression;
using Bookiji.Actions.TrafficShadow.Replay;
using HdrHistogram;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class HistogramCodecTests
{
    private static LongHistogram Spread()
    {
        var histogram = TargetStats.NewHistogram();
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            histogram.RecordValue(1 + (long)(Math.Exp(random.NextDouble() * 17) % TargetStats.MaxMicros));
        }

        histogram.RecordValueWithCount(TargetStats.MaxMicros, 3);
        return histogram;
    }

    private static string Packed(params ulong[] numbers)
    {
        var raw = new MemoryStream();
        raw.WriteByte(1);
        foreach (var number in numbers)
        {
            var value = number;
            while (value >= 0x80)
            {
                raw.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            raw.WriteByte((byte)value);
        }

        return Deflated(raw.ToArray());
    }

    private static string Deflated(byte[] raw)
    {
        var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(raw);
        }

        return Convert.ToBase64String(packed.ToArray());
    }

    [Test]
    public void DecodeInto_OfEncode_GivesBackEveryPercentileTheMaxAndTheMean()
    {
        var original = Spread();
        var back = TargetStats.NewHistogram();
        HistogramCodec.DecodeInto(HistogramCodec.Encode(original), back, TargetStats.MaxMicros);
        Assert.Multiple(() =>
        {
            Assert.That(back.TotalCount, Is.EqualTo(original.TotalCount));
            foreach (var percentile in new[] { 0.1, 50, 90, 95, 99, 99.9, 100 })
            {
                Assert.That(back.GetValueAtPercentile(percentile), Is.EqualTo(original.GetValueAtPercentile(percentile)), $"p{percentile}");
            }

            Assert.That(back.GetMaxValue(), Is.EqualTo(original.GetMaxValue()));
            Assert.That(back.GetMean(), Is.EqualTo(original.GetMean()));
        });
    }

    [Test]
    public void DecodeInto_AnEmptyHistogram_StaysEmpty()
    {
        var back = TargetStats.NewHistogram();
        HistogramCodec.DecodeInto(HistogramCodec.Encode(TargetStats.NewHistogram()), back, TargetStats.MaxMicros);
        Assert.That(back.TotalCount, Is.Zero);
    }

    [Test]
    public void DecodeInto_ValuesNotAscending_ThrowsFormatException() =>
        Assert.That(() => HistogramCodec.DecodeInto(Packed(2, 100, 1, 0, 1), TargetStats.NewHistogram(), TargetStats.MaxMicros), Throws.TypeOf<FormatException>());

    [Test]
    public void DecodeInto_ValueBeyondTheRange_ThrowsFormatException() =>
        Assert.That(() => HistogramCodec.DecodeInto(Packed(1, TargetStats.MaxMicros + 1, 1), TargetStats.NewHistogram(), TargetStats.MaxMicros), Throws.TypeOf<FormatException>());

    [Test]
    public void DecodeInto_CountsSummingBeyondTheBound_ThrowsFormatException() =>
        Assert.That(() => HistogramCodec.DecodeInto(Packed(2, 10, (ulong)HistogramCodec.MaxTotalCount, 1, 1), TargetStats.NewHistogram(), TargetStats.MaxMicros), Throws.TypeOf<FormatException>());

    [Test]
    public void DecodeInto_MoreBucketsThanTheBound_ThrowsFormatException() =>
        Assert.That(() => HistogramCodec.DecodeInto(Packed(HistogramCodec.MaxBuckets + 1), TargetStats.NewHistogram(), TargetStats.MaxMicros), Throws.TypeOf<FormatException>());

    [Test]
    public void DecodeInto_BytesAfterTheLastBucket_ThrowsFormatException() =>
        Assert.That(() => HistogramCodec.DecodeInto(Packed(1, 10, 1, 7), TargetStats.NewHistogram(), TargetStats.MaxMicros), Throws.TypeOf<FormatException>());

    [Test]
    public void DecodeInto_TruncatedNumber_ThrowsFormatException() =>
        Assert.That(() => HistogramCodec.DecodeInto(Deflated([1, 1, 10, 0x80]), TargetStats.NewHistogram(), TargetStats.MaxMicros), Throws.TypeOf<FormatException>());

    [Test]
    public void DecodeInto_InflatingBeyondTheBound_ThrowsFormatException()
    {
        var text = Deflated(new byte[64 * 1024 * 1024]);
        Assert.That(() => HistogramCodec.DecodeInto(text, TargetStats.NewHistogram(), TargetStats.MaxMicros), Throws.TypeOf<FormatException>());
    }
}
