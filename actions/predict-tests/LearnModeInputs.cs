namespace Bookiji.Actions.PredictTests;

/// <summary>The inputs of <c>mode: learn</c>.</summary>
public sealed record LearnModeInputs : PredictTestsInputs
{
    /// <summary>Where the impact data is written (absolute, inside the workspace); an existing file's outcomes carry over.</summary>
    public required string ImpactDataPath { get; init; }

    /// <summary>The per-test coverage folder (absolute, inside the workspace).</summary>
    public required string CoverageDir { get; init; }

    /// <summary>Globs of test reports, relative to the repository.</summary>
    public IReadOnlyList<string> TestResults { get; init; } = [];
}
