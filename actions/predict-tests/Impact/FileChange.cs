using Bookiji.Actions.PredictTests.Impact.Diff;

namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>What the executor learnt from git about one modified source file, for the pure selector.</summary>
/// <param name="Path">Repository-relative.</param>
/// <param name="Hunks">The change's hunks, base side; null when git could not give them (binary, diff failed, cut).</param>
/// <param name="Drift">
/// How the base's lines map to the analysed commit's: <see cref="LineMap.Identity"/> when the file is as analysed; null
/// when it changed since the analysis and that diff is not available (the analysed commit is not in the clone).
/// </param>
public sealed record FileChange(string Path, IReadOnlyList<DiffHunk>? Hunks, LineMap? Drift)
{
    /// <summary>Whether the file changed between the analysed commit and the base.</summary>
    public bool Drifted { get; init; }

    /// <summary>Its import lines at the base and the head when the change only rebinds imported names; null when it does more, or is unknown.</summary>
    public ImportSpans? Imports { get; init; }
}
