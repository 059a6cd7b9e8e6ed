using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.TrafficShadow.Judge;
using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>The one declaration of traffic-shadow's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class TrafficShadowDefinition
{
    /// <summary>Replay traffic, or merge shard results.</summary>
    public static readonly ChoiceInput<TrafficShadowMode> Mode = new("mode", "replay (send the sample, judge) or merge (combine shard result files into one verdict).",
        TrafficShadowMode.Replay, ("replay", TrafficShadowMode.Replay), ("merge", TrafficShadowMode.Merge));

    /// <summary>The canary.</summary>
    public static readonly UrlInput CanaryUrl = new("canary-url", "The canary's base URL; a path in it is kept (https://host/app + /api → https://host/app/api).")
    {
        Env = "CANARY_URL",
        ComputedDefault = "the canaryUrl (or url) in canary-file",
    };

    /// <summary>Where the canary URL may come from instead.</summary>
    public static readonly PathInput CanaryFile = new("canary-file", "A JSON file with the canary's url (canaryUrl or url), read when canary-url is not set.") { Default = ".canary.json" };

    /// <summary>The baseline.</summary>
    public static readonly UrlInput BaselineUrl = new("baseline-url", "The baseline's base URL. With it the canary is compared to it; without, absolute thresholds apply.") { Env = "BASELINE_URL" };

    /// <summary>The sample.</summary>
    public static readonly PathInput TrafficLogPath = new("traffic-log-path", "The sample: a JSON array of {method, path, body?, headers?}, a HAR file or a combined access log.")
    {
        Env = "TRAFFIC_LOG_PATH",
        Default = "traffic-samples/booking-sample.json",
    };

    /// <summary>Methods replayed.</summary>
    public static readonly TextInput AllowMethods = new("allow-methods", "Comma-separated methods to replay.")
    {
        ComputedDefault = "as written for JSON samples; GET,HEAD,OPTIONS for HAR and access logs",
        Format = "comma-separated HTTP methods",
    };

    /// <summary>The body bound, both ways.</summary>
    public static readonly IntegerInput MaxBody = new("max-body", "Bytes: sample bodies above it are skipped; response bodies are read up to it (past it, hashed and counted).", 1024 * 1024, 0, 64 * 1024 * 1024);

    public static readonly ChoiceInput<ReplayEngine> Engine = new("engine", "auto (raw when every target is http://, else httpclient), raw (a minimal HTTP/1.1 keep-alive client, requests prepared as bytes: plain HTTP, the fastest) or httpclient (.NET's HTTP stack: HTTP and HTTPS).",
        ReplayEngine.Auto, ("auto", ReplayEngine.Auto), ("raw", ReplayEngine.Raw), ("httpclient", ReplayEngine.HttpClient));

    /// <summary>Workers.</summary>
    public static readonly IntegerInput Concurrency = new("concurrency", "Requests in flight at once.", 8, 1, 1024);

    /// <summary>Open loop.</summary>
    public static readonly NumberInput Rate = new("rate", "Open-loop rate in requests/second (latency from the intended send time).", null, 0.1, 1_000_000) { UnsetMeaning = "closed loop" };

    /// <summary>Recorded pacing.</summary>
    public static readonly NumberInput Speed = new("speed", "Replay at the recorded pacing (HAR/log timestamps) times this factor.", null, 0.01, 1000) { UnsetMeaning = "recorded pacing ignored" };

    /// <summary>Repetitions.</summary>
    public static readonly IntegerInput Repeat = new("repeat", "How many times the sample is replayed.", 1, 1, 1_000_000);

    /// <summary>Loop for a time.</summary>
    public static readonly DurationInput Duration = new("duration", "Replay in a loop for this long instead of repeat times.", null, TimeSpan.FromSeconds(1), TimeSpan.FromHours(6)) { UnsetMeaning = "repeat times" };

    public static readonly IntegerInput Warmup = new("warmup", "Requests sent first and left out of the statistics.", 0, 0, 1_000_000);

    /// <summary>Per-request timeout.</summary>
    public static readonly DurationInput Timeout = new("timeout", "Per-request timeout.", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));

    public static readonly IntegerInput ShardIndex = new("shard-index", "This runner's slice of the sample (0-based, below shard-total).", 0, 0, 255);

    /// <summary>Shard count.</summary>
    public static readonly IntegerInput ShardTotal = new("shard-total", "How many runners share the sample.", 1, 1, 256);

    /// <summary>The canary's own credential.</summary>
    public static readonly TextInput CanaryAuthHeader = new("canary-auth-header", "A header sent to the canary only (never to the baseline), e.g. 'Authorization: Bearer <token>'.")
    {
        Secret = true,
        Format = "'Header-Name: value'",
    };

    /// <summary>The baseline's own credential.</summary>
    public static readonly TextInput BaselineAuthHeader = new("baseline-auth-header", "A header sent to the baseline only, e.g. 'Authorization: Bearer <token>'.")
    {
        Secret = true,
        Format = "'Header-Name: value'",
    };

    /// <summary>What may reach the baseline.</summary>
    public static readonly ListInput BaselineMethods = new("baseline-methods", "Methods also sent to the baseline (often production); the others go to the canary only and are judged on their own error rate.")
    {
        Defaults = ["GET", "HEAD", "OPTIONS"],
        Format = "comma-separated HTTP methods, or * for all",
    };

    /// <summary>Recorded headers that may pass although their names look like credentials.</summary>
    public static readonly ListInput ReplayHeaders = new("replay-headers", "Recorded headers replayed although their name looks like a credential (auth, token, secret, password, session, csrf, api-key, cookie are dropped).")
    {
        Format = "one header name per line",
    };

    /// <summary>Host rewriting.</summary>
    public static readonly TextInput HostHeader = new("host-header", "Host header to send (explicit Host rewriting).") { Format = "a host[:port]" };

    /// <summary>Diffing.</summary>
    public static readonly FlagInput Diff = new("diff", "Compare baseline and canary responses (status and JSON body).", true);

    /// <summary>Noise learning.</summary>
    public static readonly FlagInput LearnNoise = new("learn-noise", "First send each distinct GET/HEAD/OPTIONS to the baseline twice and ignore the JSON paths that differ.", true);

    /// <summary>Extra ignored fields.</summary>
    public static readonly ListInput IgnoreFields = new("ignore-fields", "More JSON field names ignored when diffing; ids and timestamps are ignored already.")
    {
        Format = "one field name per line",
    };

    /// <summary>Secret-looking fields whose values never reach a file.</summary>
    public static readonly ListInput RedactFields = new("redact-fields", "JSON field names (substrings, any case) whose values are redacted in differences written to files and the summary.")
    {
        Defaults = ["token", "secret", "password", "key", "session", "cookie", "authorization"],
        Format = "one name per line",
    };

    /// <summary>How differences weigh in the verdict.</summary>
    public static readonly ChoiceInput<DiffVerdict> DiffVerdictInput = new("diff-verdict", "hold: response differences above max-diff-rate make the verdict at least hold; ignore: they are only reported.",
        DiffVerdict.Hold, ("hold", DiffVerdict.Hold), ("ignore", DiffVerdict.Ignore));

    /// <summary>The tolerated share of differing responses.</summary>
    public static readonly NumberInput MaxDiffRate = new("max-diff-rate", "Differing response pairs (% of those compared, noise excluded) tolerated before the verdict is held.", 1, 0, 100);

    /// <summary>Test confidence.</summary>
    public static readonly NumberInput Confidence = new("confidence", "Confidence of the statistical tests.", 0.98, 0.5, 0.9999);

    /// <summary>Tolerated latency increase.</summary>
    public static readonly NumberInput AllowedLatencyIncrease = new("allowed-latency-increase", "Latency increase (% of the baseline median) tolerated even when significant.", 10, 0, 1000);

    public static readonly NumberInput CriticalLatencyIncrease = new("critical-latency-increase", "Latency increase (%) that rolls back at once.", 50, 0, 10000);

    public static readonly NumberInput CriticalErrorIncrease = new("critical-error-increase", "Rise of the 5xx+transport error rate (percentage points) that rolls back at once.", 5, 0, 100);

    /// <summary>Minimum samples.</summary>
    public static readonly IntegerInput MinSamples = new("min-samples", "Requests per target below which a metric is inconclusive (verdict hold).", 50, 1, 1_000_000);

    /// <summary>Promotion score.</summary>
    public static readonly NumberInput PassScore = new("pass-score", "Score at or above which the canary is promoted.", 95, 0, 100);

    /// <summary>Hold score.</summary>
    public static readonly NumberInput MarginalScore = new("marginal-score", "Score at or above which the verdict is hold (below: rollback).", 75, 0, 100);

    /// <summary>Absolute p95 limit.</summary>
    public static readonly NumberInput MaxP95Ms = new("max-p95-ms", "Without a baseline: the p95 limit in ms.", null, 0, 600_000) { UnsetMeaning = "no limit" };

    /// <summary>Absolute error-rate limit.</summary>
    public static readonly NumberInput MaxErrorRate = new("max-error-rate", "Without a baseline: the 5xx+transport error-rate limit in %.", 1, 0, 100);

    /// <summary>The results file.</summary>
    public static readonly PathInput ResultsPath = new("results-path", "Where the results JSON is written (inside the workspace).") { Default = "traffic-shadow-results.json" };

    /// <summary>Shard files to merge.</summary>
    public static readonly ListInput MergeInputs = new("merge-inputs", "Shard result files to merge, in merge mode (inside the workspace).") { Format = "one path per line" };

    /// <summary>TLS verification.</summary>
    public static readonly FlagInput InsecureSkipTlsVerify = new("insecure-skip-tls-verify", "Accept any TLS certificate (self-signed canaries).", false);

    /// <summary>The gate.</summary>
    public static readonly FlagInput FailOnRollback = new("fail-on-rollback", "Fail the step when the verdict is rollback.", false);

    /// <summary>Reproducibility.</summary>
    public static readonly IntegerInput Seed = new("seed", "Random seed (request order between baseline and canary, sampling) for reproducible runs.", 0, 0, int.MaxValue) { ComputedDefault = "random" };

    /// <summary>Output: the results file.</summary>
    public static readonly OutputDefinition ResultsPathOutput = new("results-path", "Path of the results JSON, relative to the workspace.");

    /// <summary>Output: p95.</summary>
    public static readonly OutputDefinition P95LatencyOutput = new("p95-latency", "The canary's p95 latency in ms.");

    /// <summary>Output: error rate.</summary>
    public static readonly OutputDefinition ErrorRateOutput = new("error-rate", "The canary's 5xx+transport error rate in %.");

    /// <summary>Output: verdict.</summary>
    public static readonly OutputDefinition VerdictOutput = new("verdict", "promote, hold, rollback, or error when the run failed: gate on verdict != 'promote'.") { OnError = "error" };

    /// <summary>Output: score.</summary>
    public static readonly OutputDefinition ScoreOutput = new("score", "Passed metrics over conclusive ones x 100 (empty when none was conclusive).");

    /// <summary>The token for the PR comment.</summary>
    public static readonly TextInput GitHubToken = CommonInputs.GitHubToken("Token for the PR comment (pr-comment: true); needs pull-requests: write.");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "traffic-shadow",
        BriefSection = "§3",
        Description = "Replay traffic at a canary and its baseline, measure it honestly (open loop, HdrHistogram), judge promote/hold/rollback.",
        Icon = "activity",
        Color = "orange",
        Permissions = ["`pull-requests: write` — only with pr-comment: true"],
        SwitchOff = "remove the canary-shadow workflow (or its trigger); fail-on-rollback: false keeps it informative only",
        Inputs = [Mode, CanaryUrl, CanaryFile, BaselineUrl, TrafficLogPath, AllowMethods, MaxBody, Engine, Concurrency, Rate, Speed, Repeat, Duration, Warmup, Timeout, ShardIndex, ShardTotal,
            CanaryAuthHeader, BaselineAuthHeader, BaselineMethods, ReplayHeaders, HostHeader, Diff, LearnNoise, IgnoreFields, RedactFields, DiffVerdictInput, MaxDiffRate, Confidence, AllowedLatencyIncrease, CriticalLatencyIncrease,
            CriticalErrorIncrease, MinSamples, PassScore, MarginalScore, MaxP95Ms, MaxErrorRate, ResultsPath, MergeInputs, InsecureSkipTlsVerify, FailOnRollback, Seed, GitHubToken, CommonInputs.PrComment],
        Outputs = [ResultsPathOutput, P95LatencyOutput, ErrorRateOutput, VerdictOutput, ScoreOutput],
    };
}
