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

    /// <summary>Longest shard over the mean shard (1 is perfect).</summary>
    public static double Imbalance(IReadOnlyList<Shard> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var mean = shards.Count == 0 ? 0 : shards.Average(s => s.EstimatedSeconds);
        return mean <= 0 ? 1 : Math.Round(shards.Max(s => s.EstimatedSeconds) / mean, 3);
    }
}
