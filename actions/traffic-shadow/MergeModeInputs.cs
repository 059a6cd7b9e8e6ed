namespace Bookiji.Actions.TrafficShadow;

/// <summary>Inputs of <c>mode: merge</c>.</summary>
public sealed record MergeModeInputs : TrafficShadowInputs
{
    /// <summary>The shard result files (absolute, inside the workspace), at least one.</summary>
    public required IReadOnlyList<string> Files { get; init; }
}
