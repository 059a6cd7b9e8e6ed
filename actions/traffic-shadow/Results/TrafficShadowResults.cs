namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>
/// <c>traffic-shadow-results.json</c>: the brief's fields first (timestamp … summary), then the verdict, the
/// detail behind it and the raw numbers shards are merged from. Merge mode reads shard files back as this type.
/// </summary>
public sealed record TrafficShadowResults
{
    /// <summary>When the run ended (ISO 8601, UTC).</summary>
    public string Timestamp { get; init; } = string.Empty;

    /// <summary>The canary's URL as given, without <c>user:password@</c>.</summary>
    public string? CanaryUrl { get; init; }

    /// <summary>Requests measured at the canary.</summary>
    public long TotalRequests { get; init; }

    /// <summary>Canary responses by status code.</summary>
    public IReadOnlyDictionary<string, long> StatusCodes { get; init; } = new Dictionary<string, long>();

    /// <summary>The first canary latencies in ms, in send order (capped; see <see cref="LatenciesNote"/>).</summary>
    public IReadOnlyList<double> Latencies { get; init; } = [];

    /// <summary>Canary 5xx and transport errors.</summary>
    public long Errors { get; init; }

    /// <summary>The brief's summary numbers.</summary>
    public ResultsSummary Summary { get; init; } = new();

    /// <summary>promote, hold or rollback.</summary>
    public string Verdict { get; init; } = string.Empty;

    /// <summary>Passed metrics over conclusive ones × 100; null when none was conclusive.</summary>
    public double? Score { get; init; }

    /// <summary>The verdict's reason.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>What <see cref="Latencies"/> holds.</summary>
    public string LatenciesNote { get; init; } = string.Empty;

    /// <summary>The canary's latency percentiles.</summary>
    public PercentilesMs PercentilesMs { get; init; } = new();

    /// <summary>Canary failures by kind (Client4xx, Server5xx, Timeout, Refused, Reset, Dns, Tls, OtherTransport).</summary>
    public IReadOnlyDictionary<string, long> ErrorsByKind { get; init; } = new Dictionary<string, long>();

    /// <summary>The baseline's URL as given, without <c>user:password@</c>.</summary>
    public string? BaselineUrl { get; init; }

    /// <summary>The baseline's numbers, when there was one.</summary>
    public BaselineResults? Baseline { get; init; }

    /// <summary>How the run went.</summary>
    public required RunResults Run { get; init; }

    /// <summary>Per endpoint.</summary>
    public IReadOnlyList<EndpointResults> Endpoints { get; init; } = [];

    /// <summary>Every judged metric.</summary>
    public IReadOnlyList<MetricResults> Metrics { get; init; } = [];

    /// <summary>JSON paths learned as noisy, per endpoint.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LearnedNoise { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Response differences per endpoint (values at secret-looking paths redacted).</summary>
    public IReadOnlyList<DiffResults> Diffs { get; init; } = [];

    /// <summary>Skipped or refused sample entries and other notes.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The raw numbers shards are merged from.</summary>
    public required RawResults Raw { get; init; }
}
