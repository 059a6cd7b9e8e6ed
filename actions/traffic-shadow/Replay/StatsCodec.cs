using System.Text.Json.Nodes;
using HdrHistogram;
using HdrHistogram.Utilities;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// Writes a target's raw numbers into the results (compressed HdrHistograms as base64, counts, the bounded
/// samples) and reads them back, so shards replayed on several runners merge losslessly into one verdict.
/// </summary>
public static class StatsCodec
{
    /// <summary>The raw section for one target.</summary>
    public static JsonObject Encode(TargetStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return new JsonObject
        {
            ["histogram"] = Histogram(stats.Histogram),
            ["statusCodes"] = new JsonObject([.. stats.StatusCodes.Select(s => KeyValuePair.Create(s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)s.Value))]),
            ["errors"] = new JsonObject([.. stats.Errors.Select(e => KeyValuePair.Create(e.Key.ToString(), (JsonNode?)e.Value))]),
            ["firstLatenciesMs"] = new JsonArray([.. stats.FirstLatenciesMs.Select(l => (JsonNode)l)]),
            ["endpoints"] = new JsonObject([.. stats.Endpoints.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)new JsonObject
            {
                ["histogram"] = Histogram(e.Value.Histogram),
                ["seen"] = e.Value.Seen,
                ["errors"] = e.Value.Errors,
                ["serverOrTransportErrors"] = e.Value.ServerOrTransportErrors,
                ["sampleMicros"] = new JsonArray([.. e.Value.Sample.Select(v => (JsonNode)v)]),
            }))]),
        };
    }

    /// <summary>Reads a raw section back.</summary>
    public static TargetStats Decode(JsonObject raw, Random random)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var stats = new TargetStats(random);
        stats.Histogram.Add(ReadHistogram(raw["histogram"]!.GetValue<string>()));
        foreach (var (key, value) in raw["statusCodes"]!.AsObject())
        {
            stats.StatusCodes[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = value!.GetValue<long>();
        }

        foreach (var (key, value) in raw["errors"]!.AsObject())
        {
            stats.Errors[Enum.Parse<ErrorKind>(key)] = value!.GetValue<long>();
        }

        stats.FirstLatenciesMs.AddRange(raw["firstLatenciesMs"]!.AsArray().Select(n => n!.GetValue<double>()));
        foreach (var (key, value) in raw["endpoints"]!.AsObject())
        {
            var e = value!.AsObject();
            var endpoint = new EndpointStats
            {
                Seen = e["seen"]!.GetValue<long>(),
                Errors = e["errors"]!.GetValue<long>(),
                ServerOrTransportErrors = e["serverOrTransportErrors"]!.GetValue<long>(),
            };
            endpoint.Histogram.Add(ReadHistogram(e["histogram"]!.GetValue<string>()));
            endpoint.Sample.AddRange(e["sampleMicros"]!.AsArray().Select(n => n!.GetValue<long>()));
            stats.Endpoints[key] = endpoint;
        }

        return stats;
    }

    private static string Histogram(LongHistogram histogram)
    {
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        buffer.Position = 0;
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return Convert.ToBase64String(bytes);
    }

    private static HistogramBase ReadHistogram(string base64) =>
        HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(Convert.FromBase64String(base64)), TargetStats.MaxMicros);
}
