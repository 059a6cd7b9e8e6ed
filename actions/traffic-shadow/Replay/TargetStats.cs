using HdrHistogram;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// What one target (canary or baseline) did, in bounded memory for any run length: HdrHistograms (1 µs–60 s,
/// 3 significant digits) overall and per endpoint, status and error counts, a bounded uniform sample of
/// latencies per endpoint for the rank test, and the first latencies in order for the brief's array.
/// Not thread-safe: workers record under the lock of one of a few shared stripes, which are merged at the end.
/// </summary>
public sealed class TargetStats
{
    /// <summary>The highest latency tracked, in microseconds (60 s).</summary>
    public const long MaxMicros = 60_000_000;

    private readonly Random _random;
    private readonly int _reservoirSize;
    private readonly int _keepLatencies;

    /// <summary>Creates empty stats.</summary>
    public TargetStats(Random random, int reservoirSize = 5000, int keepLatencies = 10_000)
    {
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _reservoirSize = reservoirSize;
        _keepLatencies = keepLatencies;
    }

    /// <summary>Every latency, µs.</summary>
    public LongHistogram Histogram { get; private set; } = NewHistogram();

    /// <summary>Per endpoint.</summary>
    public Dictionary<string, EndpointStats> Endpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>Responses by status code; transport errors are not here.</summary>
    public Dictionary<int, long> StatusCodes { get; } = [];

    /// <summary>Failures by kind.</summary>
    public Dictionary<ErrorKind, long> Errors { get; } = [];

    /// <summary>The first latencies in ms, in send order (capped; the histograms cover everything).</summary>
    public List<double> FirstLatenciesMs { get; } = [];

    /// <summary>Requests recorded.</summary>
    public long Count => Histogram.TotalCount;

    /// <summary>Creates a histogram with the project's range and precision.</summary>
    public static LongHistogram NewHistogram() => new(1, MaxMicros, 3);

    /// <summary>Records one request.</summary>
    public void Record(string endpoint, long micros, int? status, ErrorKind error)
    {
        var value = Math.Clamp(micros, 1, MaxMicros);
        Histogram.RecordValue(value);
        if (!Endpoints.TryGetValue(endpoint, out var stats))
        {
            Endpoints[endpoint] = stats = new EndpointStats();
        }

        stats.Histogram.RecordValue(value);
        stats.Seen++;
        if (error is not ErrorKind.None)
        {
            stats.Errors++;
            Errors[error] = Errors.GetValueOrDefault(error) + 1;
            if (error is ErrorKind.Server5xx or >= ErrorKind.Timeout)
            {
                stats.ServerOrTransportErrors++;
            }
        }

        if (status is { } code)
        {
            StatusCodes[code] = StatusCodes.GetValueOrDefault(code) + 1;
        }

        // Reservoir sampling keeps a uniform sample of the endpoint's latencies for the rank test.
        if (stats.Sample.Count < _reservoirSize)
        {
            stats.Sample.Add(value);
        }
        else if (_random.NextInt64(stats.Seen) is var slot && slot < _reservoirSize)
        {
            stats.Sample[(int)slot] = value;
        }

        if (FirstLatenciesMs.Count < _keepLatencies)
        {
            FirstLatenciesMs.Add(Math.Round(value / 1000.0, 3));
        }
    }

    /// <summary>Adds <paramref name="other"/> into this (histograms merge losslessly; samples are concatenated then capped).</summary>
    public void Merge(TargetStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Histogram.Add(other.Histogram);
        foreach (var (key, value) in other.StatusCodes)
        {
            StatusCodes[key] = StatusCodes.GetValueOrDefault(key) + value;
        }

        foreach (var (key, value) in other.Errors)
        {
            Errors[key] = Errors.GetValueOrDefault(key) + value;
        }

        foreach (var (key, stats) in other.Endpoints)
        {
            if (!Endpoints.TryGetValue(key, out var mine))
            {
                Endpoints[key] = mine = new EndpointStats();
            }

            mine.Histogram.Add(stats.Histogram);
            mine.Seen += stats.Seen;
            mine.Errors += stats.Errors;
            mine.ServerOrTransportErrors += stats.ServerOrTransportErrors;
            mine.Sample.AddRange(stats.Sample.Take(Math.Max(0, _reservoirSize - mine.Sample.Count)));
        }

        FirstLatenciesMs.AddRange(other.FirstLatenciesMs.Take(Math.Max(0, _keepLatencies - FirstLatenciesMs.Count)));
    }
}
