namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>The load shape, with the documented defaults.</summary>
public sealed record ReplayOptions
{
    /// <summary>Requests in flight at once (workers). Default 8.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Open-loop target rate in requests per second; null for closed loop (as fast as responses come).</summary>
    public double? Rate { get; init; }

    /// <summary>Replay at the recorded pacing (HAR/log timestamps or offsetMs) divided by this; null to ignore pacing.</summary>
    public double? Speed { get; init; }

    /// <summary>How many times the sample is replayed. Default 1.</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>Replay the sample in a loop for this long instead of <see cref="Repeat"/> times.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Requests sent first and left out of every statistic. Default 0.</summary>
    public int Warmup { get; init; }

    /// <summary>Per-request timeout. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>This runner's slice (0-based) of <see cref="ShardTotal"/>.</summary>
    public int ShardIndex { get; init; }

    /// <summary>How many runners share the sample. Default 1.</summary>
    public int ShardTotal { get; init; } = 1;

    /// <summary>Compare baseline and canary responses (status and JSON body).</summary>
    public bool Diff { get; init; } = true;

    /// <summary>
    /// Before the run, send each distinct safe (GET/HEAD/OPTIONS) request to the baseline twice and ignore, per
    /// endpoint, the JSON paths that differ between the two: noise the baseline makes by itself. Default true.
    /// </summary>
    public bool LearnNoise { get; init; } = true;

    /// <summary>JSON field names ignored when diffing (ids, timestamps).</summary>
    public IReadOnlySet<string> IgnoreFields { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "uuid", "createdAt", "updatedAt", "created_at", "updated_at", "timestamp", "requestId", "request_id", "traceId", "trace_id", "etag", "now", "date",
    };

    /// <summary>Response bytes kept for diffing; past it a body is hashed and counted. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Field-name parts (any case) whose values are redacted in differences written anywhere.</summary>
    public IReadOnlyList<string> RedactFields { get; init; } = TrafficShadowDefinition.RedactFields.Defaults;

    /// <summary>Recorded headers replayed although their names look like credentials (the allow-list).</summary>
    public IReadOnlySet<string> ReplayHeaders { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Headers added to every request (e.g. the canary's Authorization).</summary>
    public IReadOnlyDictionary<string, string> ExtraHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Override of the Host header, when the canary sits behind a shared address.</summary>
    public string? HostHeader { get; init; }
}
