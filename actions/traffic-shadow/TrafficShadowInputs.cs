using Bookiji.Actions.TrafficShadow.Judge;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>
/// The action's inputs, validated together (<see cref="Parse"/>); one record per mode — <see cref="ReplayModeInputs"/>
/// or <see cref="MergeModeInputs"/> — so a mode's requirements are met by construction.
/// </summary>
public abstract partial record TrafficShadowInputs
{
    /// <summary>Where the results go (absolute, inside the workspace).</summary>
    public required string ResultsPath { get; init; }

    /// <summary>The judgement's thresholds.</summary>
    public required JudgeOptions Judge { get; init; }

    /// <summary>Fail the step on a rollback verdict.</summary>
    public bool FailOnRollback { get; init; }

    /// <summary>The random seed (request order, samples).</summary>
    public int Seed { get; init; }

    /// <summary>Update this action's section of the sticky PR comment, with this token.</summary>
    public (bool Enabled, string? Token) PrComment { get; init; }
}
