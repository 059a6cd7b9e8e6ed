namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>The raw numbers of both targets.</summary>
/// <param name="Canary">The canary's.</param>
/// <param name="Baseline">The baseline's, when there was one.</param>
public sealed record RawResults(RawTargetStats Canary, RawTargetStats? Baseline);
