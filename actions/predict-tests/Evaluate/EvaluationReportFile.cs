namespace Bookiji.Actions.PredictTests.Evaluate;

/// <summary>Evaluate mode's JSON report.</summary>
/// <param name="CommitsScanned">Commits looked at.</param>
/// <param name="CommitsEvaluated">Commits that changed both source and existing tests.</param>
/// <param name="ChangeRecall">Share of evaluated commits with at least one co-changed test selected.</param>
/// <param name="ChangeRecallWithoutFallback">The same over commits that did not run everything.</param>
/// <param name="TestRecall">Selected co-changed tests over all co-changed tests.</param>
/// <param name="SelectionRatio">Mean selected/all.</param>
/// <param name="SelectionRatioWithoutFallback">The same without run-all commits.</param>
/// <param name="FallbackRate">Share of commits that ran everything.</param>
/// <param name="MeanShardImbalance">Mean longest/mean shard.</param>
/// <param name="UsedTestMap">Whether the repository had the test map.</param>
/// <param name="MedianSelectionRatio">Median selected/all.</param>
/// <param name="PackageRuleChangeRecall">The package rule's change recall (every test of the changed packages and their dependents); null without named packages.</param>
/// <param name="PackageRuleSelectionRatio">The package rule's mean selected/all.</param>
/// <param name="Impact">Impact data's figures beside the import graph's, on the commits younger than the analysed one; null without data.</param>
/// <param name="GroundTruth">What the ground truth is.</param>
/// <param name="Commits">Every evaluated commit.</param>
public sealed record EvaluationReportFile(
    int CommitsScanned,
    int CommitsEvaluated,
    double ChangeRecall,
    double ChangeRecallWithoutFallback,
    double TestRecall,
    double SelectionRatio,
    double SelectionRatioWithoutFallback,
    double FallbackRate,
    double MeanShardImbalance,
    bool UsedTestMap,
    double MedianSelectionRatio,
    double? PackageRuleChangeRecall,
    double? PackageRuleSelectionRatio,
    ImpactTotals? Impact,
    string GroundTruth,
    IReadOnlyList<CommitEvaluation> Commits);
