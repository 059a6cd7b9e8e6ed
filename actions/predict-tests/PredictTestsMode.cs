namespace Bookiji.Actions.PredictTests;

/// <summary>What the action does in this run.</summary>
public enum PredictTestsMode
{
    /// <summary>Plan the tests for the change and write ci-plan.json.</summary>
    Plan,

    /// <summary>Replay recent commits and report recall and selection ratio.</summary>
    Evaluate,

    /// <summary>Read per-test coverage and test reports, and write impact data.</summary>
    Learn,
}
