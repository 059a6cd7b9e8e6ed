namespace Bookiji.Actions.PredictTests.Evaluate;

/// <summary>One replayed commit planned again with impact data from an older commit.</summary>
/// <param name="Selected">How many tests the plan with impact data ran.</param>
/// <param name="Hits">Ground-truth tests it selected.</param>
/// <param name="RunAll">Whether it ran everything.</param>
/// <param name="AgeCommits">Commits from the analysed commit to the parent.</param>
/// <param name="Lines">Modified files decided by executed lines and functions.</param>
/// <param name="FileLevel">Modified files decided at file level (some hunk could not be placed).</param>
/// <param name="NoData">Modified source files the data could not decide (unknown to it, or listed with no executed line): the import graph decided.</param>
/// <param name="GraphSmaller">Files the data decided where the import graph selected fewer, and stood.</param>
/// <param name="OutsideFunctions">Hunks outside every function and covered line.</param>
/// <param name="DriftMapped">Hunks mapped through drift since the analysed commit.</param>
/// <param name="DriftUnmappable">Hunks in drifted regions no function holds, or in drifted files without a drift diff (file level).</param>
/// <param name="DriftEnclosing">Hunks in drifted regions placed by the function still holding them.</param>
/// <param name="Declarations">Hunks outside every function found inert: declarations only, comments only, code no test ran.</param>
public sealed record ImpactEvaluation(int Selected, int Hits, bool RunAll, int? AgeCommits, int Lines, int FileLevel, int NoData, int GraphSmaller, int OutsideFunctions, int DriftMapped, int DriftUnmappable, int DriftEnclosing = 0, int Declarations = 0);
