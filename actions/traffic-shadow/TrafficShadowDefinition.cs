using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>The one declaration of traffic-shadow's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class TrafficShadowDefinition
{
    /// <summary>Input <c>mode</c>.</summary>
    public static readonly TextInput Mode = new("mode", "replay (default) or merge (combine shard results into one verdict).") { Default = "replay" };

    /// <summary>Input <c>canary-url</c>.</summary>
    public static readonly TextInput CanaryUrl = new("canary-url", "The canary's base URL (falls back to CANARY_URL, then to the url in canary-file).");

    /// <summary>Input <c>canary-file</c>.</summary>
    public static readonly TextInput CanaryFile = new("canary-file", "A JSON file with the canary's url (canaryUrl or url).") { Default = ".canary.json" };

    /// <summary>Input <c>baseline-url</c>.</summary>
    public static readonly TextInput BaselineUrl = new("baseline-url", "The baseline's base URL (falls back to BASELINE_URL). With it, the verdict compares canary to baseline; without, absolute thresholds apply.");

    /// <summary>Input <c>traffic-log-path</c>.</summary>
    public static readonly TextInput TrafficLogPath = new("traffic-log-path", "The sample - a JSON array of {method, path, body?, headers?}, a HAR file or a combined access log (falls back to TRAFFIC_LOG_PATH).");

    /// <summary>Input <c>allow-methods</c>.</summary>
    public static readonly TextInput AllowMethods = new("allow-methods", "Comma-separated methods to replay. Default - as written for JSON samples; GET,HEAD,OPTIONS for HAR and access logs.");

    /// <summary>Input <c>max-body</c>.</summary>
    public static readonly TextInput MaxBody = new("max-body", "Sample entries with a larger body (bytes) are skipped.") { Default = "1048576" };

    /// <summary>Input <c>engine</c>.</summary>
    public static readonly TextInput Engine = new("engine", "httpclient (default; HTTP and HTTPS) or raw (a minimal HTTP/1.1 keep-alive client with requests prepared as bytes: plain-HTTP targets at high rates).") { Default = "httpclient" };

    /// <summary>Input <c>concurrency</c>.</summary>
    public static readonly TextInput Concurrency = new("concurrency", "Requests in flight at once.") { Default = "8" };

    /// <summary>Input <c>rate</c>.</summary>
    public static readonly TextInput Rate = new("rate", "Open-loop rate in requests/second (latency from the intended send time). Default - closed loop.");

    /// <summary>Input <c>speed</c>.</summary>
    public static readonly TextInput Speed = new("speed", "Replay at the recorded pacing (HAR/log timestamps) times this factor.");

    /// <summary>Input <c>repeat</c>.</summary>
    public static readonly TextInput Repeat = new("repeat", "How many times the sample is replayed.") { Default = "1" };

    /// <summary>Input <c>duration</c>.</summary>
    public static readonly TextInput Duration = new("duration", "Replay in a loop for this long instead (e.g. 2m).");

    /// <summary>Input <c>warmup</c>.</summary>
    public static readonly TextInput Warmup = new("warmup", "Requests sent first and left out of the statistics.") { Default = "0" };

    /// <summary>Input <c>timeout</c>.</summary>
    public static readonly TextInput Timeout = new("timeout", "Per-request timeout.") { Default = "10s" };

    /// <summary>Input <c>shard-index</c>.</summary>
    public static readonly TextInput ShardIndex = new("shard-index", "This runner's slice of the sample (0-based).") { Default = "0" };

    /// <summary>Input <c>shard-total</c>.</summary>
    public static readonly TextInput ShardTotal = new("shard-total", "How many runners share the sample.") { Default = "1" };

    /// <summary>Input <c>canary-auth-header</c>.</summary>
    public static readonly TextInput CanaryAuthHeader = new("canary-auth-header", "A header for the canary and baseline, e.g. 'Authorization: Bearer <token>' (secret; recorded credentials are never replayed).");

    /// <summary>Input <c>host-header</c>.</summary>
    public static readonly TextInput HostHeader = new("host-header", "Host header to send (explicit Host rewriting).");

    /// <summary>Input <c>diff</c>.</summary>
    public static readonly TextInput Diff = new("diff", "Compare baseline and canary responses (status and JSON body).") { Default = "true" };

    /// <summary>Input <c>learn-noise</c>.</summary>
    public static readonly TextInput LearnNoise = new("learn-noise", "Before the run, send each distinct GET/HEAD/OPTIONS request to the baseline twice and ignore the JSON paths that differ between the two.") { Default = "true" };

    /// <summary>Input <c>ignore-fields</c>.</summary>
    public static readonly TextInput IgnoreFields = new("ignore-fields", "More JSON field names (one per line) ignored when diffing; ids and timestamps are ignored already.");

    /// <summary>Input <c>confidence</c>.</summary>
    public static readonly TextInput Confidence = new("confidence", "Confidence of the statistical tests.") { Default = "0.98" };

    /// <summary>Input <c>allowed-latency-increase</c>.</summary>
    public static readonly TextInput AllowedLatencyIncrease = new("allowed-latency-increase", "Latency increase (% of the baseline median) tolerated even when significant.") { Default = "10" };

    /// <summary>Input <c>critical-latency-increase</c>.</summary>
    public static readonly TextInput CriticalLatencyIncrease = new("critical-latency-increase", "Latency increase (%) that rolls back at once.") { Default = "50" };

    /// <summary>Input <c>critical-error-increase</c>.</summary>
    public static readonly TextInput CriticalErrorIncrease = new("critical-error-increase", "Rise of the 5xx+transport error rate (percentage points) that rolls back at once.") { Default = "5" };

    /// <summary>Input <c>min-samples</c>.</summary>
    public static readonly TextInput MinSamples = new("min-samples", "Requests per target below which a metric is inconclusive (verdict hold).") { Default = "50" };

    /// <summary>Input <c>pass-score</c>.</summary>
    public static readonly TextInput PassScore = new("pass-score", "Score at or above which the canary is promoted.") { Default = "95" };

    /// <summary>Input <c>marginal-score</c>.</summary>
    public static readonly TextInput MarginalScore = new("marginal-score", "Score at or above which the verdict is hold (below - rollback).") { Default = "75" };

    /// <summary>Input <c>max-p95-ms</c>.</summary>
    public static readonly TextInput MaxP95Ms = new("max-p95-ms", "Without a baseline - the p95 limit in ms.");

    /// <summary>Input <c>max-error-rate</c>.</summary>
    public static readonly TextInput MaxErrorRate = new("max-error-rate", "Without a baseline - the 5xx+transport error-rate limit in %.") { Default = "1" };

    /// <summary>Input <c>results-path</c>.</summary>
    public static readonly TextInput ResultsPath = new("results-path", "Where the results JSON is written.") { Default = "traffic-shadow-results.json" };

    /// <summary>Input <c>merge-inputs</c>.</summary>
    public static readonly TextInput MergeInputs = new("merge-inputs", "Shard result files to merge (one per line), in merge mode.");

    /// <summary>Input <c>insecure-skip-tls-verify</c>.</summary>
    public static readonly TextInput InsecureSkipTlsVerify = new("insecure-skip-tls-verify", "Accept any TLS certificate (self-signed canaries).") { Default = "false" };

    /// <summary>Input <c>fail-on-rollback</c>.</summary>
    public static readonly TextInput FailOnRollback = new("fail-on-rollback", "Fail the step when the verdict is rollback.") { Default = "false" };

    /// <summary>Input <c>seed</c>.</summary>
    public static readonly TextInput Seed = new("seed", "Random seed (request order between baseline and canary, sampling) for reproducible runs.");

    /// <summary>Output <c>results-path</c>.</summary>
    public static readonly OutputDefinition ResultsPathOutput = new("results-path", "Path of the results JSON, relative to the workspace.");

    /// <summary>Output <c>p95-latency</c>.</summary>
    public static readonly OutputDefinition P95LatencyOutput = new("p95-latency", "The canary's p95 latency in ms.");

    /// <summary>Output <c>error-rate</c>.</summary>
    public static readonly OutputDefinition ErrorRateOutput = new("error-rate", "The canary's 5xx+transport error rate in %.");

    /// <summary>Output <c>verdict</c>.</summary>
    public static readonly OutputDefinition VerdictOutput = new("verdict", "promote, hold or rollback.");

    /// <summary>Output <c>score</c>.</summary>
    public static readonly OutputDefinition ScoreOutput = new("score", "Passed metrics over conclusive ones x 100 (empty when none was conclusive).");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "traffic-shadow",
        BriefSection = "§3",
        Description = "Replay traffic at a canary and its baseline, measure it honestly (open loop, HdrHistogram), judge promote/hold/rollback.",
        Icon = "activity",
        Color = "orange",
        Inputs = [Mode, CanaryUrl, CanaryFile, BaselineUrl, TrafficLogPath, AllowMethods, MaxBody, Engine, Concurrency, Rate, Speed, Repeat, Duration, Warmup, Timeout, ShardIndex, ShardTotal, CanaryAuthHeader, HostHeader, Diff, LearnNoise, IgnoreFields, Confidence, AllowedLatencyIncrease, CriticalLatencyIncrease, CriticalErrorIncrease, MinSamples, PassScore, MarginalScore, MaxP95Ms, MaxErrorRate, ResultsPath, MergeInputs, InsecureSkipTlsVerify, FailOnRollback, Seed],
        Outputs = [ResultsPathOutput, P95LatencyOutput, ErrorRateOutput, VerdictOutput, ScoreOutput],
    };
}
