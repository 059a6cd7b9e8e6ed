namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>
/// Longest-processing-time-first onto the least-loaded shard (Graham's bound 4/3 − 1/(3m) of the optimum makespan),
/// instead of count-based splitting that can leave one shard minutes behind the others.
/// </summary>
public static class ShardBalancer
{
    /// <summary>Assigns <paramref name="tests"/> to <paramref name="shardCount"/> shards.</summary>
    public static IReadOnlyList<Shard> Balance(IReadOnlyList<string> tests, int shardCount, Func<string, double> duration)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(duration);
        var count = Math.Max(1, shardCount);
        var lists = Enumerable.Range(0, count).Select(_ => new List<string>()).ToArray();
        var loads = new double[count];
        foreach (var test in tests.OrderByDescending(duration).ThenBy(t => t, StringComparer.Ordinal))
        {
            var target = 0;
            for (var i = 1; i < count; i++)
            {
                if (loads[i] < loads[target])
                {
                    target = i;
                }
            }

            lists[target].Add(test);
            loads[target] += duration(test);
        }

        return [.. lists.Select((list, i) => new Shard(i + 1, [.. list.Order(StringComparer.Ordinal)], Math.Round(loads[i], 1)))];
    }

    /// <summary>
    /// Splits <paramref name="tests"/> by runner, then balances each runner's tests on its share of
    /// <paramref name="shardCount"/>: every runner gets at least one shard (so there may be more shards than asked
    /// when more runners are involved), the rest go one by one to the runner whose shards are longest.
    /// </summary>
    public static IReadOnlyList<Shard> BalanceByRunner(IReadOnlyList<string> tests, int shardCount, Func<string, double> duration, Func<string, string> runner)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(duration);
        ArgumentNullException.ThrowIfNull(runner);
        var groups = tests.GroupBy(runner, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Runner: g.Key, Tests: (IReadOnlyList<string>)[.. g], Load: g.Sum(duration))).ToList();
        if (groups.Count == 0)
        {
            return [.. Balance(tests, shardCount, duration).Select(s => s with { Runner = Runners.TestRunners.Unknown })];
        }

        var counts = groups.Select(_ => 1).ToArray();
        for (var extra = Math.Max(0, shardCount - groups.Count); extra > 0; extra--)
        {
            var best = -1;
            for (var i = 0; i < groups.Count; i++)
            {
                if (counts[i] < groups[i].Tests.Count && (best < 0 || groups[i].Load / counts[i] > groups[best].Load / counts[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            counts[best]++;
        }

        var shards = new List<Shard>();
        for (var i = 0; i < groups.Count; i++)
        {
            foreach (var shard in Balance(groups[i].Tests, counts[i], duration))
            {
                shards.Add(shard with { Index = shards.Count + 1, Runner = groups[i].Runner, RunnerShard = shard.Index, RunnerShards = counts[i] });
            }
        }

        return shards;
    }

    /// <summary>Longest shard over the mean shard (1 is perfect).</summary>
    public static double Imbalance(IReadOnlyList<Shard> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var mean = shards.Count == 0 ? 0 : shards.Average(s => s.EstimatedSeconds);
        return mean <= 0 ? 1 : Math.Round(shards.Max(s => s.EstimatedSeconds) / mean, 3);
    }
}
