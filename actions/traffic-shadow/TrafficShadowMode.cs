namespace Bookiji.Actions.TrafficShadow;

/// <summary>What a run does.</summary>
public enum TrafficShadowMode
{
    /// <summary>Replay the sample at the canary (and baseline) and judge it.</summary>
    Replay,

    /// <summary>Combine shard result files into one verdict.</summary>
    Merge,
}
