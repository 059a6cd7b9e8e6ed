namespace Bookiji.Actions.PredictTests;

/// <summary>The inputs of <c>mode: plan</c>.</summary>
public sealed record PlanModeInputs : PredictTestsInputs
{
    /// <summary>Where ci-plan.json goes (absolute, inside the workspace).</summary>
    public required string PlanPath { get; init; }

    /// <summary>CI_PREDICTIVE_OFF / disabled: every test runs.</summary>
    public bool Disabled { get; init; }

    /// <summary>An explicit base revision for git diff (never starts with '-').</summary>
    public string? BaseRef { get; init; }

    /// <summary>An explicit head revision for git diff (never starts with '-').</summary>
    public string? HeadRef { get; init; }

    /// <summary>The token for the pull request's file list.</summary>
    public string? GitHubToken { get; init; }

    /// <summary>The bound on the GitHub API phase.</summary>
    public required TimeSpan GitHubTimeout { get; init; }

    /// <summary>The durations report (absolute, inside the workspace), if any.</summary>
    public string? DurationsPath { get; init; }

    /// <summary>The TEST_GLOB of a run-all plan.</summary>
    public required string AllTestsGlob { get; init; }

    /// <summary>The model, when refinement is on.</summary>
    public LlmOptions? Model { get; init; }

    /// <summary>Impact data to plan with when the file exists (absolute, inside the workspace).</summary>
    public string? ImpactDataPath { get; init; }

    /// <summary>Update this action's section of the sticky PR comment.</summary>
    public bool PrComment { get; init; }
}
