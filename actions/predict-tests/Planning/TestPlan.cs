namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>A selected test and the rule or import chain that selected it.</summary>
/// <param name="Path">The test file.</param>
/// <param name="Because">Why.</param>
public sealed record SelectedTest(string Path, string Because);

/// <summary>One shard's tests and estimated time; every test of a shard belongs to one runner.</summary>
/// <param name="Index">1-based, over all shards.</param>
/// <param name="Tests">Its tests.</param>
/// <param name="EstimatedSeconds">The sum of their durations.</param>
public sealed record Shard(int Index, IReadOnlyList<string> Tests, double EstimatedSeconds)
{
    /// <summary>The runner of its tests (<see cref="Runners.TestRunners"/>).</summary>
    public string Runner { get; init; } = Runners.TestRunners.Unknown;

    /// <summary>1-based among the shards of its runner (for the runner's own <c>--shard=k/n</c>).</summary>
    public int RunnerShard { get; init; } = 1;

    /// <summary>How many shards its runner has.</summary>
    public int RunnerShards { get; init; } = 1;
}

/// <summary>The plan: what to run, on how many shards, and why.</summary>
public sealed record TestPlan
{
    /// <summary>The risk level.</summary>
    public required Risk Risk { get; init; }

    /// <summary>Why the risk is what it is.</summary>
    public required string RiskReason { get; init; }

    /// <summary>True when every test runs.</summary>
    public required bool RunAll { get; init; }

    /// <summary>Why every test runs (safety triggers, fallbacks).</summary>
    public IReadOnlyList<string> RunAllReasons { get; init; } = [];

    /// <summary>The tests to run, each with its reason.</summary>
    public required IReadOnlyList<SelectedTest> Tests { get; init; }

    /// <summary>Duration-balanced shards.</summary>
    public required IReadOnlyList<Shard> Shards { get; init; }

    /// <summary>Warnings to show (missing map tests, API fallbacks, ...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The tests not selected (empty when everything runs).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>How many tests exist in all.</summary>
    public required int TotalTests { get; init; }

    /// <summary>Estimated seconds for all tests.</summary>
    public required double EstimatedSecondsAll { get; init; }

    /// <summary>Estimated seconds for the selection.</summary>
    public required double EstimatedSecondsSelected { get; init; }

    /// <summary>Whether durations were known (else estimates count tests).</summary>
    public required bool DurationsKnown { get; init; }

    /// <summary>How co-change ranking narrowed (or did not narrow) a hub-wide selection; null when not needed.</summary>
    public string? Ranking { get; init; }

    /// <summary>The number of shards.</summary>
    public int ShardCount => Shards.Count;

    /// <summary>
    /// What the package rule of Nx and Turborepo would run for the same change: every test of each changed package and
    /// of the packages that depend on it; null when the repository has no named package. Reported beside the plan.
    /// </summary>
    public IReadOnlyList<string>? PackageRule { get; init; }

    /// <summary>What the impact data did; null when the plan had none.</summary>
    public Impact.ImpactReport? Impact { get; init; }

    /// <summary>Flaky tests taken out of the blocking selection (quarantine-flaky): the test job runs them without blocking.</summary>
    public IReadOnlyList<string> Quarantined { get; init; } = [];
}
