using Bookiji.Actions.TrafficShadow.Results;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>Merges shard results into one replay result (pure): histograms losslessly, counts summed, samples capped.</summary>
public static class ShardMerger
{
    /// <summary>
    /// The merged result (null when no shard could be used) and each shard whose raw numbers did not decode, with
    /// why; those are left out and the rest merged.
    /// </summary>
    public static (ReplayResult? Result, IReadOnlyList<(string File, string Problem)> Failed) Merge(IReadOnlyList<(string File, TrafficShadowResults Shard)> shards, int seed)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var random = new Random(seed);
        TargetStats? canary = null, baseline = null;
        var failed = new List<(string File, string Problem)>();
        var diffs = new Dictionary<string, DiffCount>(StringComparer.Ordinal);
        long compared = 0, overLimit = 0;
        double elapsed = 0, lag = 0;
        var saturated = false;
        double? targetRate = null;
        foreach (var (file, shard) in shards)
        {
            TargetStats shardCanary, shardBaseline;
            try
            {
                shardCanary = StatsCodec.Decode(shard.Raw.Canary, random);
                shardBaseline = shard.Raw.Baseline is { } b ? StatsCodec.Decode(b, random) : new TargetStats(random);
                if ((baseline is null) != (shard.Raw.Baseline is null) && canary is not null)
                {
                    failed.Add((file, "has " + (shard.Raw.Baseline is null ? "no baseline while the others have one" : "a baseline while the others have none")));
                    continue;
                }

                Add(ref canary, shardCanary);
                if (shard.Raw.Baseline is not null)
                {
                    Add(ref baseline, shardBaseline);
                }
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                failed.Add((file, $"has raw numbers that do not decode ({ex.Message})"));
                continue;
            }

            elapsed = Math.Max(elapsed, shard.Run.ElapsedSeconds);
            compared += shard.Run.Compared;
            overLimit += shard.Run.OverMaxBody;
            lag = Math.Max(lag, shard.Run.MeanSendLagMs);
            saturated |= shard.Run.Saturated;
            targetRate = shard.Run.TargetRps is { } t ? (targetRate ?? 0) + t : targetRate;
            foreach (var diff in shard.Diffs)
            {
                diffs[diff.Endpoint] = diffs.TryGetValue(diff.Endpoint, out var old) ? old with { Count = old.Count + diff.Count } : new DiffCount(diff.Count, diff.Example);
            }
        }

        if (canary is null)
        {
            return (null, failed);
        }

        return (new ReplayResult
        {
            Canary = canary,
            Baseline = baseline,
            Diffs = diffs,
            Compared = compared,
            OverLimitPairs = overLimit,
            Measured = canary.Count,
            Elapsed = TimeSpan.FromSeconds(elapsed),
            TargetRate = targetRate,
            MeanSendLagMs = lag,
            Saturated = saturated,
        }, failed);
    }

    private static void Add(ref TargetStats? total, TargetStats part)
    {
        if (total is null)
        {
            total = part;
        }
        else
        {
            total.Merge(part);
        }
    }
}
