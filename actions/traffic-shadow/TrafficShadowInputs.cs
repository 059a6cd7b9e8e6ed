using System.Text.Json;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.TrafficShadow.Judge;
using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>The action's inputs, validated together.</summary>
public sealed record TrafficShadowInputs
{
    /// <summary><c>replay</c> or <c>merge</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>The canary's base URL.</summary>
    public Uri? CanaryUrl { get; init; }

    /// <summary>The baseline's base URL, for a relative judgement.</summary>
    public Uri? BaselineUrl { get; init; }

    /// <summary>The traffic sample (absolute path).</summary>
    public required string SamplePath { get; init; }

    /// <summary>Methods allowed (null: the source's default).</summary>
    public IReadOnlySet<string>? AllowMethods { get; init; }

    /// <summary>Bodies larger than this are skipped.</summary>
    public int MaxBodyBytes { get; init; }

    /// <summary>The load shape.</summary>
    public required ReplayOptions Replay { get; init; }

    /// <summary>The judgement's thresholds.</summary>
    public required JudgeOptions Judge { get; init; }

    /// <summary>Where the results go (absolute).</summary>
    public required string ResultsPath { get; init; }

    /// <summary>Shard result files to merge (absolute), in merge mode.</summary>
    public IReadOnlyList<string> MergeInputs { get; init; } = [];

    /// <summary>Accept any TLS certificate (self-signed canaries).</summary>
    public bool SkipTlsVerify { get; init; }

    /// <summary>Fail the step on a rollback verdict.</summary>
    public bool FailOnRollback { get; init; }

    /// <summary>The random seed (request order, samples).</summary>
    public int Seed { get; init; }

    /// <summary>Reads and validates every input at once.</summary>
    public static TrafficShadowInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var r = new InputReader(runtime.Core);
        var mode = r.Choice("mode", "replay", ["replay", "merge"]);
        var canary = r.HttpUrl("canary-url", envFallback: "CANARY_URL") ?? CanaryFromFile(runtime, r.String("canary-file", defaultValue: ".canary.json")!);
        if (mode == "replay" && canary is null)
        {
            r.AddError("canary-url", "Input 'canary-url' (or CANARY_URL, or the url in .canary.json) is required: the canary deployment's base URL, e.g. https://canary.bookiji.com.");
        }

        var baseline = r.HttpUrl("baseline-url", envFallback: "BASELINE_URL");
        var allow = r.String("allow-methods");
        var auth = r.Secret("canary-auth-header");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(auth))
        {
            var colon = auth.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                r.AddError("canary-auth-header", "Input 'canary-auth-header' must be 'Header-Name: value', e.g. 'Authorization: Bearer <token>'.");
            }
            else
            {
                headers[auth[..colon].Trim()] = auth[(colon + 1)..].Trim();
            }
        }

        var engine = r.Choice("engine", "httpclient", ["httpclient", "raw"]);
        if (engine == "raw" && new[] { canary, baseline }.Any(u => u?.Scheme == Uri.UriSchemeHttps))
        {
            r.AddError("engine", "Input 'engine: raw' speaks plain HTTP/1.1 only; use 'httpclient' (the default) for https:// targets.");
        }

        var replay = new ReplayOptions
        {
            Engine = engine,
            Concurrency = r.Integer("concurrency", 8, 1, 1024),
            Rate = r.String("rate") is null ? null : r.Number("rate", 0, 0.1, 1_000_000),
            Speed = r.String("speed") is null ? null : r.Number("speed", 1, 0.01, 1000),
            Repeat = r.Integer("repeat", 1, 1, 1_000_000),
            Duration = r.String("duration") is null ? null : r.Duration("duration", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromHours(6)),
            Warmup = r.Integer("warmup", 0, 0, 1_000_000),
            Timeout = r.Duration("timeout", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5)),
            ShardIndex = r.Integer("shard-index", 0, 0, 255),
            ShardTotal = r.Integer("shard-total", 1, 1, 256),
            Diff = r.Boolean("diff", true),
            LearnNoise = r.Boolean("learn-noise", true),
            IgnoreFields = new ReplayOptions().IgnoreFields.Concat(r.Lines("ignore-fields")).ToHashSet(StringComparer.OrdinalIgnoreCase),
            ExtraHeaders = headers,
            HostHeader = r.String("host-header"),
        };
        if (replay.ShardIndex >= replay.ShardTotal)
        {
            r.AddError("shard-index", $"Input 'shard-index' must be below shard-total ({replay.ShardTotal}); got {replay.ShardIndex}.");
        }

        var judge = new JudgeOptions
        {
            Confidence = r.Number("confidence", 0.98, 0.5, 0.9999),
            AllowedLatencyIncreasePct = r.Number("allowed-latency-increase", 10, 0, 1000),
            CriticalLatencyIncreasePct = r.Number("critical-latency-increase", 50, 0, 10000),
            CriticalErrorIncreasePoints = r.Number("critical-error-increase", 5, 0, 100),
            MinSamples = r.Integer("min-samples", 50, 1, 1_000_000),
            PassScore = r.Number("pass-score", 95, 0, 100),
            MarginalScore = r.Number("marginal-score", 75, 0, 100),
            MaxP95Ms = r.String("max-p95-ms") is null ? null : r.Number("max-p95-ms", 0, 0, 600_000),
            MaxErrorRatePct = r.Number("max-error-rate", 1, 0, 100),
        };
        var inputs = new TrafficShadowInputs
        {
            Mode = mode,
            CanaryUrl = canary,
            BaselineUrl = baseline,
            SamplePath = runtime.ResolvePath(r.String("traffic-log-path", envFallback: "TRAFFIC_LOG_PATH", defaultValue: "traffic-samples/booking-sample.json")!),
            AllowMethods = allow is null ? null : allow.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
            MaxBodyBytes = r.Integer("max-body", 1024 * 1024, 0, 64 * 1024 * 1024),
            Replay = replay,
            Judge = judge,
            ResultsPath = runtime.ResolvePath(r.String("results-path", defaultValue: "traffic-shadow-results.json")!),
            MergeInputs = [.. r.Lines("merge-inputs").Select(runtime.ResolvePath)],
            SkipTlsVerify = r.Boolean("insecure-skip-tls-verify", false),
            FailOnRollback = r.Boolean("fail-on-rollback", false),
            Seed = r.Integer("seed", runtime.NewGuid().GetHashCode() & 0x7fffffff, 0, int.MaxValue),
        };
        if (mode == "merge" && inputs.MergeInputs.Count == 0)
        {
            r.AddError("merge-inputs", "Input 'merge-inputs' must list the shard result files (one per line) in merge mode.");
        }

        r.ThrowIfInvalid();
        return inputs;
    }

    private static Uri? CanaryFromFile(ActionRuntime runtime, string file)
    {
        var path = runtime.ResolvePath(file);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var name in new[] { "canaryUrl", "url", "canary_url" })
            {
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri))
                {
                    return uri;
                }
            }
        }
        catch (JsonException)
        {
            runtime.Core.Warning($"{file} is not valid JSON; it was not used for the canary URL.");
        }

        return null;
    }
}
