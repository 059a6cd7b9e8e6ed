using HdrHistogram;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>One endpoint's numbers for one target.</summary>
public sealed class EndpointStats
{
    /// <summary>Latencies, µs.</summary>
    public LongHistogram Histogram { get; } = TargetStats.NewHistogram();

    /// <summary>Requests recorded.</summary>
    public long Seen { get; set; }

    /// <summary>Failed requests (4xx, 5xx, transport).</summary>
    public long Errors { get; set; }

    /// <summary>5xx and transport failures: what the canary judgement compares.</summary>
    public long ServerOrTransportErrors { get; set; }

    /// <summary>A bounded uniform sample of latencies (µs) for the rank test.</summary>
    public List<long> Sample { get; } = [];
}
