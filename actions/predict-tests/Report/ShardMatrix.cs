namespace Bookiji.Actions.PredictTests.Report;

/// <summary>The <c>shard-matrix</c> output, for <c>strategy.matrix: ${{ fromJSON(...) }}</c>.</summary>
/// <param name="Include">One entry per shard.</param>
public sealed record ShardMatrix(IReadOnlyList<ShardMatrix.Entry> Include)
{
    /// <summary>One matrix job: one runner's tests, or (with <paramref name="All"/>) its share of that runner's whole suite.</summary>
    /// <param name="Shard">1-based among the shards of <paramref name="Runner"/> (the runner's own <c>--shard=Shard/Shards</c>).</param>
    /// <param name="Shards">How many shards <paramref name="Runner"/> has.</param>
    /// <param name="Runner">playwright, vitest, jest; unknown (run every runner); none (nothing selected, run nothing); all (the workflow's own no-plan fallback).</param>
    /// <param name="All">Run the runner's whole suite split with --shard (a run-all plan); <paramref name="Tests"/> is then empty, which keeps the output small.</param>
    /// <param name="Tests">The test files to run; empty with <paramref name="All"/> false means nothing is selected.</param>
    public sealed record Entry(int Shard, int Shards, string Runner, bool All, IReadOnlyList<string> Tests);

    /// <summary>The runner of an empty selection's one entry.</summary>
    public const string NoRunner = "none";

    /// <summary>The runner a shard of <paramref name="plan"/> is reported under: <see cref="NoRunner"/> when nothing is selected.</summary>
    public static string RunnerOf(Planning.TestPlan plan, Planning.Shard shard)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shard);
        return shard.Tests.Count == 0 && !plan.RunAll ? NoRunner : shard.Runner;
    }

    /// <summary>The matrix of <paramref name="plan"/>: per runner and shard, file lists only when something was selected.</summary>
    public static ShardMatrix Of(Planning.TestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // A run-all shard of unknown runner runs every runner's whole suite: once is enough.
        var shards = plan.RunAll ? plan.Shards.Where(s => s.Runner != Runners.TestRunners.Unknown || s.RunnerShard == 1) : plan.Shards;
        return new ShardMatrix([.. shards.Select(s => plan.RunAll
            ? s.Runner == Runners.TestRunners.Unknown ? new Entry(1, 1, s.Runner, true, []) : new Entry(s.RunnerShard, s.RunnerShards, s.Runner, true, [])
            : new Entry(s.RunnerShard, s.RunnerShards, RunnerOf(plan, s), false, s.Tests))]);
    }
}
