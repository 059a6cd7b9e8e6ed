namespace Bookiji.Actions.PredictTests.Impact.Results;

/// <summary>How a test file ended in one run.</summary>
public enum TestOutcome
{
    /// <summary>Every test passed at the first attempt.</summary>
    Passed,

    /// <summary>A test failed at the last attempt.</summary>
    Failed,

    /// <summary>No test failed at the end, but one failed before passing on retry.</summary>
    Flaky,
}
