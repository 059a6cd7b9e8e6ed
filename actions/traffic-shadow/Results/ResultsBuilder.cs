using System.Globalization;
using HdrHistogram;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.TrafficShadow.Judge;
using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>Builds the results record from what the replay measured and the judgement (pure).</summary>
public static class ResultsBuilder
{
    /// <summary>The most notes the results file keeps.</summary>
    public const int MaxNotes = 200;

    /// <summary>The results; <paramref name="timestamp"/> is when the run ended.</summary>
    public static TrafficShadowResults Build(ReplayResult result, Judgement judgement, RunContext context, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(judgement);
        ArgumentNullException.ThrowIfNull(context);
        var canary = result.Canary;
        var total = canary.Count;
        var errors = canary.Endpoints.Values.Sum(e => e.ServerOrTransportErrors);
        var errorRate = total == 0 ? 0 : Math.Round(100.0 * errors / total, 2);
        return new TrafficShadowResults
        {
            Timestamp = Core.Toolkit.IsoTimestamp.Format(timestamp),
            // Userinfo never reaches a file, whatever the caller passed.
            CanaryUrl = context.CanaryUrl is null ? null : UserUrl.StripUserInfo(context.CanaryUrl),
            TotalRequests = total,
            StatusCodes = canary.StatusCodes.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value, StringComparer.Ordinal),
            Latencies = [.. canary.FirstLatenciesMs],
            Errors = errors,
            Summary = new ResultsSummary(Ms(canary.Histogram.GetMean()), Ms(canary.Histogram.GetValueAtPercentile(95)), errorRate, Math.Round(100 - errorRate, 2)),
            Verdict = judgement.Verdict,
            Score = judgement.Score,
            Reason = judgement.Reason,
            LatenciesNote = $"'latencies' keeps the first {canary.FirstLatenciesMs.Count} of {total} requests in ms; percentiles come from HdrHistograms of every request.",
            PercentilesMs = Percentiles(canary),
            ErrorsByKind = canary.Errors.OrderBy(e => e.Key).ToDictionary(e => e.Key.ToString(), e => e.Value, StringComparer.Ordinal),
            BaselineUrl = context.BaselineUrl is null ? null : UserUrl.StripUserInfo(context.BaselineUrl),
            Baseline = result.Baseline is { } b ? new BaselineResults(b.Count, Percentiles(b), b.Endpoints.Values.Sum(e => e.ServerOrTransportErrors)) : null,
            Run = new RunResults
            {
                ElapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 3),
                AchievedRps = Math.Round(result.AchievedRate, 1),
                TargetRps = result.TargetRate,
                Saturated = result.Saturated,
                MeanSendLagMs = result.MeanSendLagMs,
                Concurrency = context.Concurrency,
                Shard = context.Shard,
                Compared = result.Compared,
                Differing = result.Diffs.Values.Sum(d => d.Count),
                OverMaxBody = result.OverLimitPairs,
            },
            Endpoints = [.. canary.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => Endpoint(e.Key, e.Value, result.Baseline))],
            Metrics = [.. judgement.Metrics.Select(m => new MetricResults(m.Endpoint, m.Metric, m.Outcome.ToString().ToLowerInvariant(), m.Detail))],
            LearnedNoise = result.LearnedNoise.OrderBy(n => n.Key, StringComparer.Ordinal).ToDictionary(n => n.Key, n => (IReadOnlyList<string>)[.. n.Value.Order(StringComparer.Ordinal)], StringComparer.Ordinal),
            Diffs = [.. result.Diffs.OrderByDescending(d => d.Value.Count).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => new DiffResults(d.Key, d.Value.Count, d.Value.Example))],
            Notes = [.. context.Notes.Take(MaxNotes)],
            Raw = new RawResults(StatsCodec.Encode(canary), result.Baseline is { } raw ? StatsCodec.Encode(raw) : null),
        };
    }

    private static EndpointResults Endpoint(string key, EndpointStats stats, TargetStats? baseline) => new(
        key,
        stats.Seen,
        stats.ServerOrTransportErrors,
        Ms(stats.Histogram.GetValueAtPercentile(50)),
        Ms(stats.Histogram.GetValueAtPercentile(95)),
        Ms(stats.Histogram.GetValueAtPercentile(99)),
        baseline is not null && baseline.Endpoints.TryGetValue(key, out var b) ? Ms(b.Histogram.GetValueAtPercentile(95)) : null);

    private static PercentilesMs Percentiles(TargetStats stats) => new(
        Ms(stats.Histogram.GetValueAtPercentile(50)),
        Ms(stats.Histogram.GetValueAtPercentile(90)),
        Ms(stats.Histogram.GetValueAtPercentile(95)),
        Ms(stats.Histogram.GetValueAtPercentile(99)),
        Ms(stats.Histogram.GetMaxValue()));

    private static double Ms(double micros) => Math.Round(micros / 1000.0, 1);
}
