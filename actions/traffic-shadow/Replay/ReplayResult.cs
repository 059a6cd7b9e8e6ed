namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>A difference found between baseline and canary responses for one endpoint.</summary>
/// <param name="Count">How many compared responses differed.</param>
/// <param name="Example">The first difference seen.</param>
public sealed record DiffCount(long Count, string Example);

/// <summary>What a replay measured.</summary>
public sealed record ReplayResult
{
    /// <summary>The canary's numbers.</summary>
    public required TargetStats Canary { get; init; }

    /// <summary>The baseline's numbers, when a baseline was given.</summary>
    public TargetStats? Baseline { get; init; }

    /// <summary>Response differences by endpoint.</summary>
    public IReadOnlyDictionary<string, DiffCount> Diffs { get; init; } = new Dictionary<string, DiffCount>();

    /// <summary>JSON paths learned as noisy per endpoint (they differ between two baseline responses).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> LearnedNoise { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>Response pairs compared.</summary>
    public long Compared { get; init; }

    /// <summary>Compared pairs where a body was over max-body (compared by SHA-256, not field by field).</summary>
    public long OverLimitPairs { get; init; }

    /// <summary>Requests measured (after warm-up), per target.</summary>
    public long Measured { get; init; }

    /// <summary>Wall time of the measured part.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The open-loop target rate, if any.</summary>
    public double? TargetRate { get; init; }

    /// <summary>Requests per second achieved (per target).</summary>
    public double AchievedRate => Elapsed.TotalSeconds <= 0 ? 0 : Measured / Elapsed.TotalSeconds;

    /// <summary>Mean delay between a request's intended and actual send time, ms (open loop).</summary>
    public double MeanSendLagMs { get; init; }

    /// <summary>True when the generator could not keep the schedule (the numbers then understate the service).</summary>
    public bool Saturated { get; init; }
}
