namespace Bookiji.Actions.PredictTests;

/// <summary>What a run has learnt so far, for the fallback plan when a later phase fails.</summary>
internal sealed class PlanProgress
{
    /// <summary>The run is in evaluate mode (no plan to leave).</summary>
    public bool Evaluating { get; set; }

    /// <summary>Every test file, once listed.</summary>
    public IReadOnlySet<string>? AllTests { get; set; }

    /// <summary>The plan was written in full.</summary>
    public bool Reported { get; set; }
}
