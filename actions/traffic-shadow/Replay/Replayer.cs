using System.Collections.Concurrent;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// Replays requests at the canary (and the baseline, each request to both in random order) with a fixed number
/// of workers. Closed loop measures from the actual send; open loop (a rate, or recorded pacing) measures from
/// the intended send time, so a stalled server shows up as latency instead of as fewer requests (coordinated
/// omission, as wrk2 corrects it).
/// </summary>
public sealed partial class Replayer(HttpMessageInvoker client, TimeProvider time, int seed)
{
    private static readonly HashSet<string> DroppedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Accept-Encoding",
    };

    /// <summary>Runs the replay.</summary>
    public async Task<ReplayResult> RunAsync(IReadOnlyList<TrafficRequest> sample, Uri canary, Uri? baseline, ReplayOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        // Bodies are read only to compare them: without a baseline there is nothing to diff.
        options = options with { Diff = options.Diff && baseline is not null };
        var slice = sample.Where((_, i) => i % options.ShardTotal == options.ShardIndex).ToList();
        if (slice.Count == 0)
        {
            return new ReplayResult { Canary = new TargetStats(new Random(seed)), Baseline = baseline is null ? null : new TargetStats(new Random(seed)) };
        }

        // Everything per request that does not change between sends is prepared once: URIs, method, endpoint key.
        var raw = options.Engine == "raw";
        var prepared = slice.Select(r =>
        {
            var canaryUri = new Uri(canary, r.Path.TrimStart('/'));
            var baselineUri = baseline is null ? null : new Uri(baseline, r.Path.TrimStart('/'));
            var headers = OutgoingHeaders(r, options);
            return new Prepared(r, new HttpMethod(r.Method), canaryUri, baselineUri, EndpointKey.For(r.Method, r.Path), headers,
                raw ? RawRequest(r, headers, canaryUri, options) : null, raw && baselineUri is not null ? RawRequest(r, headers, baselineUri, options) : null);
        }).ToArray();
        var total = options.Duration is null ? (long)slice.Count * options.Repeat + options.Warmup : long.MaxValue;
        var noise = baseline is not null && options.Diff && options.LearnNoise
            ? await LearnNoiseAsync(prepared, options, cancellationToken)
            : new Dictionary<string, IReadOnlySet<string>>();
        var sampleSpan = slice.Max(r => r.OffsetMs ?? 0);
        long next = -1;
        long lagTicks = 0;
        long lagged = 0;
        var start = time.GetTimestamp();
        long measuredStart = 0;
        var deadline = options.Duration is { } d ? start + (long)(d.TotalSeconds * time.TimestampFrequency) : long.MaxValue;
        var diffs = new ConcurrentDictionary<string, DiffCount>(StringComparer.Ordinal);
        long compared = 0;
        // Workers share a few lock-striped stats (not one each): histograms are ~0.4 MB apiece, and memory must
        // stay bounded whatever the concurrency.
        var stripes = Enumerable.Range(0, Math.Min(options.Concurrency, 4))
            .Select(i => (Canary: new TargetStats(new Random(seed * 31 + i)), Baseline: baseline is null ? null : new TargetStats(new Random(seed * 37 + i)), Gate: new Lock()))
            .ToArray();
        using var sweeper = raw ? new TimeoutSweeper(time) : null;
        var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed + w);
            using var requestTimeout = new Deadline(cancellationToken);
            using var canaryConnection = raw ? sweeper!.Watch(new RawHttpConnection(canary.Host, canary.Port)) : null;
            using var baselineConnection = raw && baseline is not null ? sweeper!.Watch(new RawHttpConnection(baseline.Host, baseline.Port)) : null;
            var (canaryStats, baselineStats, gate) = stripes[w % stripes.Length];
            while (!cancellationToken.IsCancellationRequested)
            {
                var k = Interlocked.Increment(ref next);
                if (k >= total || time.GetTimestamp() >= deadline)
                {
                    break;
                }

                var item = prepared[(int)(k % prepared.Length)];
                var request = item.Request;
                var intended = Intended(k, options, start, request, slice.Count, sampleSpan);
                if (intended is { } at)
                {
                    var wait = time.GetElapsedTime(time.GetTimestamp(), at);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, cancellationToken);
                    }
                    else if (k >= options.Warmup)
                    {
                        Interlocked.Add(ref lagTicks, time.GetTimestamp() - at);
                        Interlocked.Increment(ref lagged);
                    }
                }

                if (k == options.Warmup)
                {
                    Interlocked.CompareExchange(ref measuredStart, time.GetTimestamp(), 0);
                }

                var measured = k >= options.Warmup;
                var endpoint = item.Endpoint;
                var baselineFirst = baseline is not null && random.Next(2) == 0;
                Outcome? baselineOutcome = null;
                if (baselineFirst)
                {
                    baselineOutcome = await SendAsync(item, item.BaselineUri!, item.BaselineBytes, baselineConnection, options, intended, requestTimeout, cancellationToken);
                }

                var canaryOutcome = await SendAsync(item, item.CanaryUri, item.CanaryBytes, canaryConnection, options, baselineFirst ? null : intended, requestTimeout, cancellationToken);
                if (baseline is not null && !baselineFirst)
                {
                    baselineOutcome = await SendAsync(item, item.BaselineUri!, item.BaselineBytes, baselineConnection, options, null, requestTimeout, cancellationToken);
                }

                if (!measured)
                {
                    continue;
                }

                lock (gate)
                {
                    canaryStats.Record(endpoint, canaryOutcome.Micros, canaryOutcome.Status, canaryOutcome.Error);
                    if (baselineOutcome is { } recorded)
                    {
                        baselineStats!.Record(endpoint, recorded.Micros, recorded.Status, recorded.Error);
                    }
                }

                if (baselineOutcome is { } b)
                {
                    if (options.Diff)
                    {
                        Interlocked.Increment(ref compared);
                        if (ResponseDiffer.Compare(b.Status, b.Body, canaryOutcome.Status, canaryOutcome.Body, options.IgnoreFields, noise.GetValueOrDefault(endpoint)) is { } difference)
                        {
                            diffs.AddOrUpdate(endpoint, _ => new DiffCount(1, difference), (_, old) => old with { Count = old.Count + 1 });
                        }
                    }
                }
            }

        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        var results = stripes.Select(s => (s.Canary, s.Baseline));
        var end = time.GetTimestamp();
        var canaryTotal = new TargetStats(new Random(seed));
        var baselineTotal = baseline is null ? null : new TargetStats(new Random(seed + 1));
        foreach (var (c, b) in results)
        {
            canaryTotal.Merge(c);
            if (b is not null)
            {
                baselineTotal!.Merge(b);
            }
        }

        var lagMs = lagged == 0 ? 0 : (double)lagTicks / lagged / time.TimestampFrequency * 1000;
        var elapsed = time.GetElapsedTime(measuredStart == 0 ? start : measuredStart, end);
        var result = new ReplayResult
        {
            Canary = canaryTotal,
            Baseline = baselineTotal,
            Diffs = diffs,
            Compared = compared,
            LearnedNoise = noise,
            Measured = canaryTotal.Count,
            Elapsed = elapsed,
            TargetRate = options.Rate,
            MeanSendLagMs = Math.Round(lagMs, 2),
        };
        return result with { Saturated = options.Rate is { } rate && (result.AchievedRate < rate * 0.9 || lagMs > 10) };
    }

    /// <summary>The intended send time in open-loop modes; <c>null</c> in closed loop.</summary>
    private long? Intended(long k, ReplayOptions options, long start, TrafficRequest request, int sampleSize, double sampleSpanMs)
    {
        if (options.Rate is { } rate)
        {
            return start + (long)(k / rate * time.TimestampFrequency);
        }

        if (options.Speed is { } speed && request.OffsetMs is { } offset)
        {
            var loop = k / sampleSize;
            var ms = (loop * (sampleSpanMs + 1) + offset) / speed;
            return start + (long)(ms / 1000 * time.TimestampFrequency);
        }

        return null;
    }

    private readonly record struct Outcome(long Micros, int? Status, ErrorKind Error, string? Body);

    private sealed record Prepared(
        TrafficRequest Request, HttpMethod Method, Uri CanaryUri, Uri? BaselineUri, string Endpoint,
        IReadOnlyDictionary<string, string> Headers, byte[]? CanaryBytes, byte[]? BaselineBytes);
}
