using System.IO.Compression;
using HdrHistogram;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// A histogram as text for the results file: its recorded buckets (the lowest value each bucket stands for, and its
/// count) as delta-coded varints, deflated, base64. Recording those values again fills the same buckets, so
/// percentiles, max and mean come back exactly. Written by us rather than HdrHistogram's own decoder, which picks the
/// histogram type by reflection (not trim-safe) and trusts the bytes it is given; a shard's file is hostile input.
/// </summary>
public static class HistogramCodec
{
    private const byte Version = 1;

    /// <summary>The most buckets a decoded histogram may have (1 µs–60 s at 3 significant digits has ~17,400).</summary>
    public const int MaxBuckets = 100_000;

    /// <summary>The most requests one decoded histogram may hold (bounds every later sum).</summary>
    public const long MaxTotalCount = 1L << 48;

    private const int MaxInflatedBytes = MaxBuckets * 20 + 16;

    /// <summary>The text for <paramref name="histogram"/>.</summary>
    public static string Encode(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var raw = new MemoryStream();
        var buckets = histogram.RecordedValues().Select(v => (histogram.LowestEquivalentValue(v.ValueIteratedTo), v.CountAtValueIteratedTo)).ToList();
        raw.WriteByte(Version);
        WriteVarint(raw, (ulong)buckets.Count);
        var previous = 0L;
        foreach (var (value, count) in buckets)
        {
            WriteVarint(raw, (ulong)(value - previous));
            WriteVarint(raw, (ulong)count);
            previous = value;
        }

        var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(deflate);
        }

        return Convert.ToBase64String(packed.GetBuffer(), 0, (int)packed.Length);
    }

    /// <summary>
    /// Records what <paramref name="text"/> holds into <paramref name="into"/>. Throws <see cref="FormatException"/>
    /// when the text is not a histogram of ours, a value lies outside 1..<paramref name="maxValue"/>, or a bound is broken.
    /// </summary>
    public static void DecodeInto(string text, HistogramBase into, long maxValue)
    {
        ArgumentNullException.ThrowIfNull(into);
        var bytes = Inflate(Convert.FromBase64String(text ?? throw new FormatException("a histogram is missing")));
        var position = 0;
        if (bytes.Length == 0 || bytes[position++] != Version)
        {
            throw new FormatException("a histogram has an unknown encoding");
        }

        var buckets = ReadVarint(bytes, ref position);
        if (buckets > MaxBuckets)
        {
            throw new FormatException($"a histogram has {buckets} buckets (at most {MaxBuckets})");
        }

        var previous = 0L;
        var total = 0L;
        for (var i = 0UL; i < buckets; i++)
        {
            var delta = ReadVarint(bytes, ref position);
            var count = ReadVarint(bytes, ref position);
            if (delta == 0 || delta > (ulong)(maxValue - previous) || count == 0 || count > (ulong)(MaxTotalCount - total))
            {
                throw new FormatException("a histogram's values are out of order or range, or its counts exceed the bound");
            }

            previous += (long)delta;
            total += (long)count;
            into.RecordValueWithCount(previous, (long)count);
        }

        if (position != bytes.Length)
        {
            throw new FormatException("a histogram has bytes after its last bucket");
        }
    }

    private static byte[] Inflate(byte[] packed)
    {
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(packed), CompressionMode.Decompress);
            var output = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = deflate.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxInflatedBytes)
                {
                    throw new FormatException($"a histogram inflates beyond {MaxInflatedBytes} bytes");
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new FormatException("a histogram is not deflated data", ex);
        }
    }

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private static ulong ReadVarint(byte[] bytes, ref int position)
    {
        var value = 0UL;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
            {
                throw new FormatException("a histogram ends inside a number");
            }

            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("a histogram has a number longer than 64 bits");
    }
}
