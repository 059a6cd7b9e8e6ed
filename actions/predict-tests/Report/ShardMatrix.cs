namespace Bookiji.Actions.PredictTests.Report;

/// <summary>The <c>shard-matrix</c> output, for <c>strategy.matrix: ${{ fromJSON(...) }}</c>.</summary>
/// <param name="Include">One entry per shard.</param>
public sealed record ShardMatrix(IReadOnlyList<ShardMatrix.Entry> Include)
{
    /// <summary>One matrix job.</summary>
    /// <param name="Shard">1-based index.</param>
    /// <param name="Shards">The number of shards.</param>
    /// <param name="Tests">Its test files (empty on a run-all plan whose tests are unknown: run everything with --shard).</param>
    public sealed record Entry(int Shard, int Shards, IReadOnlyList<string> Tests);
}
