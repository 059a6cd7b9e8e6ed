namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>The impact data's verdict on one changed file.</summary>
/// <param name="Path">The file.</param>
/// <param name="Evidence">What decided.</param>
/// <param name="Tests">The tests the data selects, with why; empty when the import graph decides.</param>
/// <param name="Note">How it was decided, for the summary (e.g. "2 hunks in functions; 1 mapped through drift").</param>
public sealed record FileImpact(string Path, ImpactEvidence Evidence, IReadOnlyDictionary<string, string> Tests, string Note)
{
    /// <summary>Hunks that fell outside every function and every covered line.</summary>
    public int OutsideFunctions { get; init; }

    /// <summary>Hunks mapped through the drift since the analysed commit.</summary>
    public int DriftMapped { get; init; }

    /// <summary>Hunks in regions changed since the analysis, or in a drifted file whose drift is unknown, that fell to file level.</summary>
    public int DriftUnmappable { get; init; }

    /// <summary>Hunks in regions changed since the analysis, placed by the function still holding them.</summary>
    public int DriftEnclosing { get; init; }

    /// <summary>Hunks outside every function found inert: top-level insertions of declarations only, comment-only changes, code no test ran.</summary>
    public int Declarations { get; init; }
}
