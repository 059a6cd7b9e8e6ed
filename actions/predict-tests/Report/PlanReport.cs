using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.PredictTests.Report;

/// <summary>Everything the report shows about one plan.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Changes">The changed files and their source.</param>
/// <param name="AllTestsGlob">TEST_GLOB when everything runs.</param>
/// <param name="PlanPath">Where ci-plan.json goes; null when no safe path is known (outputs only).</param>
public sealed record PlanReport(TestPlan Plan, ChangeSet Changes, string AllTestsGlob, string? PlanPath)
{
    /// <summary>What the selection was made from (with or without a test map).</summary>
    public string Basis { get; init; } = "safety rules only";

    /// <summary>Post the plan to the sticky PR comment, with this token.</summary>
    public (bool Enabled, string? Token) PrComment { get; init; }

    /// <summary>The import graph's size, when one was built.</summary>
    public (int Files, int Edges)? Graph { get; init; }

    /// <summary>What the model did, when it was asked.</summary>
    public string? LlmNote { get; init; }

    /// <summary>Milliseconds per phase.</summary>
    public IReadOnlyDictionary<string, double> Timings { get; init; } = new Dictionary<string, double>();

    /// <summary>The error that made this a fallback plan, if any.</summary>
    public string? Failure { get; init; }
}
