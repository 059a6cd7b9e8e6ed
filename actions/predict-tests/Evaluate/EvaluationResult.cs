namespace Bookiji.Actions.PredictTests.Evaluate;

/// <summary>One replayed commit.</summary>
/// <param name="Sha">The commit.</param>
/// <param name="SourceFiles">Source files it changed (the input to selection).</param>
/// <param name="GroundTruth">Test files it changed that existed in its parent (co-change ground truth).</param>
/// <param name="Selected">How many tests the plan ran.</param>
/// <param name="TotalTests">How many tests existed in the parent.</param>
/// <param name="Hits">Ground-truth tests the plan selected.</param>
/// <param name="RunAll">Whether the plan fell back to running everything.</param>
/// <param name="Imbalance">Shard imbalance (longest/mean) by count.</param>
/// <param name="RunAllReason">Why everything ran, when it did.</param>
/// <param name="PackageRuleSelected">How many tests the package rule (changed packages and their dependents) selected; null without named packages.</param>
/// <param name="PackageRuleHits">Ground-truth tests the package rule selected.</param>
/// <param name="Impact">The same commit planned with impact data; null when none was given or it is not older than the parent.</param>
public sealed record CommitEvaluation(
    string Sha, int SourceFiles, IReadOnlyList<string> GroundTruth, int Selected, int TotalTests, int Hits, bool RunAll, double Imbalance, string? RunAllReason = null,
    int? PackageRuleSelected = null, int? PackageRuleHits = null, ImpactEvaluation? Impact = null);

/// <summary>The evaluation's totals.</summary>
/// <param name="CommitsScanned">Commits looked at.</param>
/// <param name="Commits">Commits that changed both source and existing tests (the evaluated ones).</param>
/// <param name="ChangeRecall">Share of evaluated commits where at least one ground-truth test was selected.</param>
/// <param name="ChangeRecallWithoutFallback">The same over commits where the plan did not run everything.</param>
/// <param name="TestRecall">Selected ground-truth tests over all ground-truth tests.</param>
/// <param name="SelectionRatio">Mean |selected| / |all tests|.</param>
/// <param name="SelectionRatioWithoutFallback">The same over commits without fallback.</param>
/// <param name="FallbackRate">Share of evaluated commits that ran everything.</param>
/// <param name="MeanShardImbalance">Mean longest/mean shard size.</param>
/// <param name="UsedTestMap">Whether the repository had the test map (else import graph and safety rules only).</param>
/// <param name="MedianSelectionRatio">Median |selected| / |all tests|.</param>
/// <param name="PackageRuleChangeRecall">The package rule's change recall on the same commits; null without named packages.</param>
/// <param name="PackageRuleSelectionRatio">The package rule's mean selection ratio; null without named packages.</param>
/// <param name="Impact">Impact data's figures beside the import graph's on the commits it applied to; null without data.</param>
public sealed record EvaluationSummary(
    int CommitsScanned, int Commits, double ChangeRecall, double ChangeRecallWithoutFallback, double TestRecall,
    double SelectionRatio, double SelectionRatioWithoutFallback, double FallbackRate, double MeanShardImbalance, bool UsedTestMap,
    double MedianSelectionRatio = 0, double? PackageRuleChangeRecall = null, double? PackageRuleSelectionRatio = null, ImpactTotals? Impact = null);

/// <summary>The evaluation: totals and every commit.</summary>
/// <param name="Summary">The totals.</param>
/// <param name="Commits">Each evaluated commit.</param>
public sealed record EvaluationResult(EvaluationSummary Summary, IReadOnlyList<CommitEvaluation> Commits);
