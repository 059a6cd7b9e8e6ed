namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>What decided a changed file's tests.</summary>
public enum ImpactEvidence
{
    /// <summary>Every hunk fell on lines or functions the data records: the tests that executed them.</summary>
    Lines,

    /// <summary>Some hunk could not be placed (outside every function and covered line, or in a drifted region): every test that executed any part of the file.</summary>
    File,

    /// <summary>The data does not know the file (or the change is not a modification): the import graph decides.</summary>
    ImportGraph,

    /// <summary>The data decided, but the import graph selected fewer tests, and it stands.</summary>
    ImportGraphSmaller,
}
