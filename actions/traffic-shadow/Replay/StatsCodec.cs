using System.Globalization;
using Bookiji.Actions.TrafficShadow.Results;
using HdrHistogram;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// Writes a target's raw numbers into the results (histograms as base64 text, see HistogramCodec, counts, the bounded
/// samples) and reads them back, so shards replayed on several runners merge losslessly into one verdict.
/// </summary>
public static class StatsCodec
{
    /// <summary>The raw section for one target.</summary>
    public static RawTargetStats Encode(TargetStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return new RawTargetStats(
            HistogramCodec.Encode(stats.Histogram),
            stats.StatusCodes.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value, StringComparer.Ordinal),
            stats.Errors.OrderBy(e => e.Key).ToDictionary(e => e.Key.ToString(), e => e.Value, StringComparer.Ordinal),
            [.. stats.FirstLatenciesMs],
            stats.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(
                e => e.Key,
                e => new RawEndpointStats(HistogramCodec.Encode(e.Value.Histogram), e.Value.Seen, e.Value.Errors, e.Value.ServerOrTransportErrors, [.. e.Value.Sample]),
                StringComparer.Ordinal));
    }

    /// <summary>
    /// Reads a raw section back. Throws <see cref="FormatException"/> when a histogram, status code or error kind
    /// does not decode (the caller names the file).
    /// </summary>
    public static TargetStats Decode(RawTargetStats raw, Random random)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var stats = new TargetStats(random);
        HistogramCodec.DecodeInto(raw.Histogram, stats.Histogram, TargetStats.MaxMicros);
        foreach (var (key, value) in raw.StatusCodes)
        {
            stats.StatusCodes[int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : throw new FormatException($"status code '{key}' is not a number")] = value;
        }

        foreach (var (key, value) in raw.Errors)
        {
            stats.Errors[Enum.TryParse<ErrorKind>(key, out var kind) && Enum.IsDefined(kind) ? kind : throw new FormatException($"error kind '{key}' is unknown")] = value;
        }

        stats.FirstLatenciesMs.AddRange(raw.FirstLatenciesMs);
        foreach (var (key, value) in raw.Endpoints)
        {
            var endpoint = new EndpointStats { Seen = value.Seen, Errors = value.Errors, ServerOrTransportErrors = value.ServerOrTransportErrors };
            HistogramCodec.DecodeInto(value.Histogram, endpoint.Histogram, TargetStats.MaxMicros);
            endpoint.Sample.AddRange(value.SampleMicros);
            stats.Endpoints[key] = endpoint;
        }

        return stats;
    }
}
