using D = Bookiji.Actions.TrafficShadow.TrafficShadowDefinition;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>The load shape and request rules; defaults come from the declaration (<see cref="TrafficShadowDefinition"/>).</summary>
public sealed record ReplayOptions
{
    /// <summary>How requests are sent. Default: the probe client (SocketsHttpHandler).</summary>
    public ReplayEngine Engine { get; init; } = D.Engine.Default;

    /// <summary>Requests in flight at once (workers). Default 8.</summary>
    public int Concurrency { get; init; } = D.Concurrency.Default;

    /// <summary>Open-loop target rate in requests per second; null for closed loop (as fast as responses come).</summary>
    public double? Rate { get; init; }

    /// <summary>Replay at the recorded pacing (HAR/log timestamps or offsetMs) divided by this; null to ignore pacing.</summary>
    public double? Speed { get; init; }

    /// <summary>How many times the sample is replayed. Default 1.</summary>
    public int Repeat { get; init; } = D.Repeat.Default;

    /// <summary>Replay the sample in a loop for this long instead of <see cref="Repeat"/> times.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Requests sent first and left out of every statistic. Default 0.</summary>
    public int Warmup { get; init; }

    /// <summary>Per-request timeout. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = D.Timeout.Default ?? TimeSpan.FromSeconds(10);

    /// <summary>This runner's slice (0-based) of <see cref="ShardTotal"/>.</summary>
    public int ShardIndex { get; init; }

    /// <summary>How many runners share the sample. Default 1.</summary>
    public int ShardTotal { get; init; } = D.ShardTotal.Default;

    /// <summary>Compare baseline and canary responses (status and JSON body).</summary>
    public bool Diff { get; init; } = D.Diff.Default;

    /// <summary>
    /// Before the run, send each distinct safe (GET/HEAD/OPTIONS) request to the baseline twice and ignore, per
    /// endpoint, the JSON paths that differ between the two: noise the baseline makes by itself. Default true.
    /// </summary>
    public bool LearnNoise { get; init; } = D.LearnNoise.Default;

    /// <summary>JSON field names ignored when diffing (ids, timestamps).</summary>
    public IReadOnlySet<string> IgnoreFields { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "uuid", "createdAt", "updatedAt", "created_at", "updated_at", "timestamp", "requestId", "request_id", "traceId", "trace_id", "etag", "now", "date",
    };

    /// <summary>Response bytes kept for diffing; past it a body is hashed and counted. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; init; } = D.MaxBody.Default;

    /// <summary>Field-name parts (any case) whose values are redacted in differences written anywhere.</summary>
    public IReadOnlyList<string> RedactFields { get; init; } = D.RedactFields.Defaults;

    /// <summary>Recorded headers replayed although their names look like credentials (the allow-list).</summary>
    public IReadOnlySet<string> ReplayHeaders { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Headers added to every canary request (canary-auth-header); never sent to the baseline.</summary>
    public IReadOnlyDictionary<string, string> CanaryHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Headers added to every baseline request (baseline-auth-header).</summary>
    public IReadOnlyDictionary<string, string> BaselineHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The methods (upper case) also sent to the baseline; the others go to the canary only.</summary>
    public IReadOnlySet<string> BaselineMethods { get; init; } = D.BaselineMethods.Defaults.ToHashSet(StringComparer.Ordinal);

    /// <summary>Override of the Host header, when the canary sits behind a shared address.</summary>
    public string? HostHeader { get; init; }
}
