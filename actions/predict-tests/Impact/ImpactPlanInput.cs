namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>The impact data and what git said of each modified source file, for the planner.</summary>
/// <param name="Index">The data, indexed.</param>
/// <param name="Changes">Modified source file → its hunks and drift.</param>
public sealed record ImpactPlanInput(ImpactIndex Index, IReadOnlyDictionary<string, FileChange> Changes)
{
    /// <summary>How many commits the plan's base is past the analysed commit; null when git could not count.</summary>
    public int? AgeCommits { get; init; }

    /// <summary>The base the hunks and drift are relative to.</summary>
    public string? Base { get; init; }
}
