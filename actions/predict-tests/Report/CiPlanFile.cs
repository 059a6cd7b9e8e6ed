using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.PredictTests.Report;

/// <summary>
/// <c>ci-plan.json</c>: the brief's three fields first (risk, tests, shardCount), then what explains the plan.
/// </summary>
/// <param name="Risk">low, medium or high.</param>
/// <param name="Tests">The test files to run.</param>
/// <param name="ShardCount">The number of shards.</param>
/// <param name="RunAll">Every test runs.</param>
/// <param name="TestGlob">The brief's TEST_GLOB.</param>
/// <param name="RiskReason">Why the risk is what it is.</param>
/// <param name="RunAllReasons">Why every test runs, when it does.</param>
/// <param name="SkippedCount">Tests not selected.</param>
/// <param name="Selected">Each selected test and why.</param>
/// <param name="Shards">The shards.</param>
/// <param name="Changes">Where the changed files came from.</param>
/// <param name="Basis">What the selection was made from (with or without a test map).</param>
/// <param name="Estimate">Time estimates.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="Llm">What the model did, if it was asked.</param>
/// <param name="Timings">Milliseconds per phase.</param>
/// <param name="Ranking">How co-change ranking narrowed a hub-wide selection and how its recall estimate was made; null when not needed.</param>
/// <param name="PackageRuleTests">How many tests the package rule (every test of the changed packages and their dependents) would run; null without named packages.</param>
/// <param name="Impact">What the impact data decided; null without data.</param>
/// <param name="Flaky">Tests the impact data saw flake in its last runs, with their outcomes (oldest first: p passed, f failed, k flaky, - not run).</param>
/// <param name="Quarantined">Flaky tests taken out of <paramref name="Tests"/> (quarantine-flaky): run them without blocking.</param>
public sealed record CiPlanFile(
    Risk Risk,
    IReadOnlyList<string> Tests,
    int ShardCount,
    bool RunAll,
    string TestGlob,
    string RiskReason,
    IReadOnlyList<string> RunAllReasons,
    int SkippedCount,
    IReadOnlyList<CiPlanFile.Selection> Selected,
    IReadOnlyList<CiPlanFile.ShardEntry> Shards,
    CiPlanFile.ChangeInfo Changes,
    string Basis,
    CiPlanFile.EstimateInfo Estimate,
    IReadOnlyList<string> Warnings,
    string? Llm,
    IReadOnlyDictionary<string, double> Timings,
    string? Ranking,
    int? PackageRuleTests = null,
    CiPlanFile.ImpactInfo? Impact = null,
    IReadOnlyList<CiPlanFile.TestOutcomes>? Flaky = null,
    IReadOnlyList<string>? Quarantined = null)
{
    /// <summary>The impact data's part in the plan.</summary>
    /// <param name="Commit">The analysed commit.</param>
    /// <param name="CreatedAt">When it was learnt.</param>
    /// <param name="AgeCommits">Commits from it to the plan's base; null when unknown.</param>
    /// <param name="DecidedShare">Share of the modified source files it decided.</param>
    /// <param name="Files">Each modified source file: which evidence decided and how.</param>
    /// <param name="RecentFailures">Tests run because they failed or flaked lately.</param>
    public sealed record ImpactInfo(string Commit, DateTimeOffset CreatedAt, int? AgeCommits, double DecidedShare, IReadOnlyList<FileVerdict> Files, IReadOnlyList<TestOutcomes> RecentFailures);

    /// <summary>One file's verdict.</summary>
    /// <param name="Path">The file.</param>
    /// <param name="Evidence">lines, file, import-graph or import-graph-smaller.</param>
    /// <param name="Note">How it was decided.</param>
    public sealed record FileVerdict(string Path, string Evidence, string Note);

    /// <summary>A test's recent outcomes.</summary>
    /// <param name="Test">The test file.</param>
    /// <param name="Outcomes">Oldest first.</param>
    public sealed record TestOutcomes(string Test, string Outcomes);

    /// <summary>A selected test.</summary>
    /// <param name="Test">The file.</param>
    /// <param name="Because">The rule or import chain.</param>
    public sealed record Selection(string Test, string Because);

    /// <summary>A shard.</summary>
    /// <param name="Index">1-based.</param>
    /// <param name="Tests">Its tests.</param>
    /// <param name="EstimatedSeconds">Their estimated time.</param>
    /// <param name="Runner">The runner of every test in it (playwright, vitest, jest or unknown).</param>
    /// <param name="RunnerShard">1-based among its runner's shards.</param>
    /// <param name="RunnerShards">How many shards its runner has.</param>
    public sealed record ShardEntry(int Index, IReadOnlyList<string> Tests, double EstimatedSeconds, string Runner, int RunnerShard, int RunnerShards);

    /// <summary>The change list's origin.</summary>
    /// <param name="Source">The API or the git diff range.</param>
    /// <param name="Files">How many files changed.</param>
    /// <param name="Complete">Whether the list is known complete.</param>
    public sealed record ChangeInfo(string Source, int Files, bool Complete);

    /// <summary>Time estimates in seconds.</summary>
    /// <param name="DurationsKnown">From history (else 30 s per test).</param>
    /// <param name="AllSeconds">Every test.</param>
    /// <param name="SelectedSeconds">The selection.</param>
    /// <param name="SavedSeconds">The difference.</param>
    /// <param name="ShardImbalance">Longest over mean shard.</param>
    public sealed record EstimateInfo(bool DurationsKnown, double AllSeconds, double SelectedSeconds, double SavedSeconds, double ShardImbalance);
}
