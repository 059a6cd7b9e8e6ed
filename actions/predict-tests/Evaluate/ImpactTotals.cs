namespace Bookiji.Actions.PredictTests.Evaluate;

/// <summary>Impact data's figures over the commits it could be used on, with the import graph's on the same commits.</summary>
/// <param name="Commits">Evaluated commits younger than the analysed commit.</param>
/// <param name="ChangeRecall">With impact data: share with ≥ 1 ground-truth test selected.</param>
/// <param name="SelectionRatio">With impact data: mean selected/all.</param>
/// <param name="FallbackRate">With impact data: share that ran everything.</param>
/// <param name="GraphChangeRecall">Import graph alone, same commits.</param>
/// <param name="GraphSelectionRatio">Import graph alone, same commits.</param>
/// <param name="GraphFallbackRate">Import graph alone, same commits.</param>
/// <param name="MedianAgeCommits">Median age of the data at those commits.</param>
/// <param name="Lines">Files decided by lines and functions, summed.</param>
/// <param name="FileLevel">Files decided at file level.</param>
/// <param name="NoData">Files the data did not know.</param>
/// <param name="GraphSmaller">Files where the import graph was smaller.</param>
/// <param name="OutsideFunctions">Hunks outside every function.</param>
/// <param name="DriftMapped">Hunks mapped through drift.</param>
/// <param name="DriftUnmappable">Hunks that drift made unmappable (file level).</param>
/// <param name="DriftEnclosing">Hunks in drifted regions placed by the function holding them.</param>
/// <param name="Declarations">Hunks outside every function found inert: declarations only, comments only, code no test ran.</param>
public sealed record ImpactTotals(
    int Commits, double ChangeRecall, double SelectionRatio, double FallbackRate, double GraphChangeRecall, double GraphSelectionRatio, double GraphFallbackRate,
    double MedianAgeCommits, int Lines, int FileLevel, int NoData, int GraphSmaller, int OutsideFunctions, int DriftMapped, int DriftUnmappable, int DriftEnclosing, int Declarations);
