namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>How the run went.</summary>
public sealed record RunResults
{
    /// <summary>Wall time of the measured part, s.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Requests per second achieved per target.</summary>
    public double AchievedRps { get; init; }

    /// <summary>The open-loop target rate, if any.</summary>
    public double? TargetRps { get; init; }

    /// <summary>Whether the generator fell behind its schedule.</summary>
    public bool Saturated { get; init; }

    /// <summary>Mean lag behind the schedule, ms.</summary>
    public double MeanSendLagMs { get; init; }

    /// <summary>Workers.</summary>
    public int Concurrency { get; init; }

    /// <summary>This shard, e.g. <c>1/2</c>.</summary>
    public string Shard { get; init; } = "1/1";

    /// <summary>Response pairs compared.</summary>
    public long Compared { get; init; }

    /// <summary>Compared pairs that differed (noise excluded).</summary>
    public long Differing { get; init; }

    /// <summary>Compared pairs with a body over max-body (compared by SHA-256; nothing past the bound was kept).</summary>
    public long OverMaxBody { get; init; }
}
