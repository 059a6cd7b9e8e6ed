using System.Collections.Concurrent;
using Bookiji.Actions.Core.Http;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// Replays requests at the canary (and the baseline, each request to both in random order) with a fixed number
/// of workers. Closed loop measures from the actual send; open loop (a rate, or recorded pacing) measures from
/// the intended send time, so a stalled server shows up as latency instead of as fewer requests (coordinated
/// omission, as wrk2 corrects it).
/// </summary>
public sealed partial class Replayer(ProbeClient probe, int seed)
{
    private readonly TimeProvider time = probe.Time;

    /// <summary>How often progress is reported on long replays.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    /// <summary>Runs the replay of <paramref name="sample"/> (prepared by <see cref="RequestPlanner"/>); <paramref name="progress"/> hears from it every <see cref="ProgressInterval"/>.</summary>
    public async Task<ReplayResult> RunAsync(IReadOnlyList<PreparedRequest> sample, bool hasBaseline, ReplayOptions options, Action<ReplayProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        // Bodies are read only to compare them: without a baseline there is nothing to diff.
        options = options with { Diff = options.Diff && hasBaseline };
        var prepared = sample.Where((_, i) => i % options.ShardTotal == options.ShardIndex).ToArray();
        if (prepared.Length == 0)
        {
            return new ReplayResult { Canary = new TargetStats(new Random(seed)), Baseline = hasBaseline ? new TargetStats(new Random(seed)) : null };
        }

        var total = options.Duration is null ? (long)prepared.Length * options.Repeat + options.Warmup : long.MaxValue;
        var noise = hasBaseline && options.Diff && options.LearnNoise
            ? await LearnNoiseAsync(prepared, options, cancellationToken)
            : new Dictionary<string, IReadOnlySet<string>>();
        // The raw engine sends bytes prepared once per request and target, over one connection per worker and target.
        var baselineTarget = prepared.Select(p => p.BaselineUri).FirstOrDefault(u => u is not null);
        var raw = ReplayEngines.Resolve(options.Engine, prepared[0].CanaryUri, baselineTarget) == ReplayEngine.Raw;
        var rawBytes = raw
            ? prepared.Select(p => new RawPair(RawRequestBytes.Build(p, p.CanaryUri, baseline: false, options.HostHeader), p.BaselineUri is { } b ? RawRequestBytes.Build(p, b, baseline: true, options.HostHeader) : null)).ToArray()
            : null;
        using var sweeper = raw ? new TimeoutSweeper(time) : null;
        var run = new RunState(prepared.Max(r => r.Request.OffsetMs ?? 0), time.GetTimestamp());
        var deadline = options.Duration is { } d ? run.Start + (long)(d.TotalSeconds * time.TimestampFrequency) : long.MaxValue;
        // Workers share a few lock-striped stats (not one each): histograms are ~0.4 MB apiece, and memory must
        // stay bounded whatever the concurrency.
        var stripes = Enumerable.Range(0, Math.Min(options.Concurrency, 4))
            .Select(i => new Stripe(new TargetStats(new Random(seed * 31 + i)), hasBaseline ? new TargetStats(new Random(seed * 37 + i)) : null))
            .ToArray();
        using var ticker = progress is null ? null : time.CreateTimer(_ => progress(run.Progress(time, total)), null, ProgressInterval, ProgressInterval);
        var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed + w);
            using var requestTimeout = new ProbeDeadline(cancellationToken);
            using var canaryConnection = raw ? sweeper!.Watch(Connect(prepared[0].CanaryUri, options)) : null;
            using var baselineConnection = raw && baselineTarget is not null ? sweeper!.Watch(Connect(baselineTarget, options)) : null;
            var stripe = stripes[w % stripes.Length];
            while (!cancellationToken.IsCancellationRequested)
            {
                var k = Interlocked.Increment(ref run.Next);
                if (k >= total || time.GetTimestamp() >= deadline)
                {
                    break;
                }

                var index = (int)(k % prepared.Length);
                var item = prepared[index];
                var bytes = rawBytes?[index];
                var intended = Intended(k, options, run.Start, item.Request, prepared.Length, run.SampleSpanMs);
                await WaitForScheduleAsync(intended, k >= options.Warmup, run, cancellationToken);
                if (k == options.Warmup)
                {
                    Interlocked.CompareExchange(ref run.MeasuredStart, time.GetTimestamp(), 0);
                }

                var toBaseline = item.BaselineUri is not null;
                var baselineFirst = toBaseline && random.Next(2) == 0;
                Outcome? baselineOutcome = null;
                if (baselineFirst)
                {
                    baselineOutcome = await SendAsync(item, baseline: true, new RawSend(bytes?.Baseline, baselineConnection), options, intended, requestTimeout, cancellationToken);
                }

                var canaryOutcome = await SendAsync(item, baseline: false, new RawSend(bytes?.Canary, canaryConnection), options, baselineFirst ? null : intended, requestTimeout, cancellationToken);
                if (toBaseline && !baselineFirst)
                {
                    baselineOutcome = await SendAsync(item, baseline: true, new RawSend(bytes?.Baseline, baselineConnection), options, null, requestTimeout, cancellationToken);
                }

                Interlocked.Increment(ref run.Done);
                if (canaryOutcome.Error is ErrorKind.Server5xx or >= ErrorKind.Timeout)
                {
                    Interlocked.Increment(ref run.Errors);
                }

                if (k >= options.Warmup)
                {
                    stripe.Record(item.Endpoint, canaryOutcome, baselineOutcome);
                    if (baselineOutcome is { } b && options.Diff)
                    {
                        Compare(run, item.Endpoint, b, canaryOutcome, options, noise.GetValueOrDefault(item.Endpoint));
                    }
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        return Result(run, stripes, noise, hasBaseline, options);
    }

    private async Task WaitForScheduleAsync(long? intended, bool measured, RunState run, CancellationToken cancellationToken)
    {
        if (intended is not { } at)
        {
            return;
        }

        var wait = time.GetElapsedTime(time.GetTimestamp(), at);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
        else if (measured)
        {
            Interlocked.Add(ref run.LagTicks, time.GetTimestamp() - at);
            Interlocked.Increment(ref run.Lagged);
        }
    }

    private static void Compare(RunState run, string endpoint, Outcome baseline, Outcome canary, ReplayOptions options, IReadOnlySet<string>? noise)
    {
        Interlocked.Increment(ref run.Compared);
        string? difference;
        if (baseline.Body?.OverLimit == true || canary.Body?.OverLimit == true)
        {
            // Over max-body: nothing past the bound was kept, so the bodies are compared by their hashes.
            Interlocked.Increment(ref run.OverLimitPairs);
            difference = baseline.Status != canary.Status || baseline.Body?.Sha256 == canary.Body?.Sha256
                ? ResponseDiffer.Compare(baseline.Status, null, canary.Status, null, options.IgnoreFields)
                : FormattableString.Invariant($"body over max-body differs ({baseline.Body?.Length} → {canary.Body?.Length} bytes, SHA-256 compared)");
        }
        else
        {
            difference = ResponseDiffer.Compare(baseline.Status, baseline.Body?.Text, canary.Status, canary.Body?.Text, options.IgnoreFields, noise, options.RedactFields);
        }

        if (difference is not null)
        {
            run.Diffs.AddOrUpdate(endpoint, _ => new DiffCount(1, difference), (_, old) => old with { Count = old.Count + 1 });
        }
    }

    private ReplayResult Result(RunState run, Stripe[] stripes, Dictionary<string, IReadOnlySet<string>> noise, bool hasBaseline, ReplayOptions options)
    {
        var end = time.GetTimestamp();
        var canaryTotal = new TargetStats(new Random(seed));
        var baselineTotal = hasBaseline ? new TargetStats(new Random(seed + 1)) : null;
        foreach (var stripe in stripes)
        {
            canaryTotal.Merge(stripe.Canary);
            if (stripe.Baseline is not null)
            {
                baselineTotal!.Merge(stripe.Baseline);
            }
        }

        var lagMs = run.Lagged == 0 ? 0 : (double)run.LagTicks / run.Lagged / time.TimestampFrequency * 1000;
        var result = new ReplayResult
        {
            Canary = canaryTotal,
            Baseline = baselineTotal,
            Diffs = run.Diffs,
            Compared = run.Compared,
            OverLimitPairs = run.OverLimitPairs,
            LearnedNoise = noise,
            Measured = canaryTotal.Count,
            Elapsed = time.GetElapsedTime(run.MeasuredStart == 0 ? run.Start : run.MeasuredStart, end),
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

    private static RawHttpConnection Connect(Uri target, ReplayOptions options) => new(target.Host, target.Port, options.MaxBodyBytes);

    /// <summary>A request's raw bytes for the canary and the baseline.</summary>
    private sealed record RawPair(byte[] Canary, byte[]? Baseline);

    private readonly record struct Outcome(long Micros, int? Status, ErrorKind Error, BoundedBody? Body);

    /// <summary>The counters every worker shares (fields, for <see cref="Interlocked"/>).</summary>
    private sealed class RunState(double sampleSpanMs, long start)
    {
        public readonly double SampleSpanMs = sampleSpanMs;
        public readonly long Start = start;
        public readonly ConcurrentDictionary<string, DiffCount> Diffs = new(StringComparer.Ordinal);
        public long Next = -1;
        public long Done;
        public long Errors;
        public long LagTicks;
        public long Lagged;
        public long MeasuredStart;
        public long Compared;
        public long OverLimitPairs;

        public ReplayProgress Progress(TimeProvider time, long total)
        {
            var elapsed = time.GetElapsedTime(Start);
            var done = Interlocked.Read(ref Done);
            return new ReplayProgress(done, total == long.MaxValue ? null : total, elapsed, elapsed.TotalSeconds <= 0 ? 0 : done / elapsed.TotalSeconds, Interlocked.Read(ref Errors));
        }
    }

    /// <summary>One lock-striped pair of stats.</summary>
    private sealed class Stripe(TargetStats canary, TargetStats? baseline)
    {
        private readonly Lock _gate = new();

        public TargetStats Canary { get; } = canary;

        public TargetStats? Baseline { get; } = baseline;

        public void Record(string endpoint, Outcome canary, Outcome? baseline)
        {
            lock (_gate)
            {
                Canary.Record(endpoint, canary.Micros, canary.Status, canary.Error);
                if (baseline is { } b)
                {
                    Baseline!.Record(endpoint, b.Micros, b.Status, b.Error);
                }
            }
        }
    }
}
