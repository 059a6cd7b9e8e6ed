using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.TrafficShadow.Judge;
using Bookiji.Actions.TrafficShadow.Replay;
using D = Bookiji.Actions.TrafficShadow.TrafficShadowDefinition;

namespace Bookiji.Actions.TrafficShadow;

public abstract partial record TrafficShadowInputs
{
    /// <summary>Reads and validates every input at once; reads no file (the canary file is read at the action's I/O edge).</summary>
    public static TrafficShadowInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var r = new InputReader(runtime.Core);
        var mode = r.Read(D.Mode);
        var judge = new JudgeOptions
        {
            Confidence = Number(r, D.Confidence),
            AllowedLatencyIncreasePct = Number(r, D.AllowedLatencyIncrease),
            CriticalLatencyIncreasePct = Number(r, D.CriticalLatencyIncrease),
            CriticalErrorIncreasePoints = Number(r, D.CriticalErrorIncrease),
            MinSamples = r.Read(D.MinSamples),
            PassScore = Number(r, D.PassScore),
            MarginalScore = Number(r, D.MarginalScore),
            MaxP95Ms = r.Read(D.MaxP95Ms),
            MaxErrorRatePct = Number(r, D.MaxErrorRate),
            DiffVerdict = r.Read(D.DiffVerdictInput),
            MaxDiffRatePct = Number(r, D.MaxDiffRate),
        };
        var resultsPath = r.Read(D.ResultsPath);
        var failOnRollback = r.Read(D.FailOnRollback);
        var prComment = (r.Read(Core.Definition.CommonInputs.PrComment), r.Read(D.GitHubToken));
        var seed = r.ReadOptional(D.Seed) ?? (runtime.NewGuid().GetHashCode() & 0x7fffffff);
        if (mode == TrafficShadowMode.Merge)
        {
            var files = MergeFiles(r, runtime);
            r.ThrowIfInvalid();
            return new MergeModeInputs { ResultsPath = resultsPath ?? string.Empty, Judge = judge, FailOnRollback = failOnRollback, Seed = seed, Files = files, PrComment = prComment };
        }

        var replay = ReadReplay(r, runtime);
        r.ThrowIfInvalid();
        return replay with { ResultsPath = resultsPath ?? string.Empty, Judge = judge, FailOnRollback = failOnRollback, Seed = seed, PrComment = prComment };
    }

    private static ReplayModeInputs ReadReplay(InputReader r, ActionRuntime runtime)
    {
        var canary = r.Read(D.CanaryUrl);
        var canaryFile = r.Read(D.CanaryFile);
        if (canary is null && !r.IsSet(D.CanaryUrl) && (canaryFile is null || !File.Exists(canaryFile)))
        {
            r.AddError(D.CanaryUrl.Name, $"{D.CanaryUrl.Describe()} is required (or a canary-file such as .canary.json with its url): the canary deployment's base URL, e.g. https://canary.example.com.");
        }

        var baseline = r.Read(D.BaselineUrl);
        var sample = r.Read(D.TrafficLogPath);
        if (sample is not null && !File.Exists(sample))
        {
            r.AddError(D.TrafficLogPath.Name, $"The traffic sample {runtime.RelativeToWorkspace(sample)} does not exist. Commit one (a JSON array of {{method, path, body?, headers?}}, a HAR file or an access log) or set 'traffic-log-path' / TRAFFIC_LOG_PATH.");
        }

        var allow = r.Read(D.AllowMethods);
        var replay = new ReplayOptions
        {
            Engine = r.Read(D.Engine),
            Concurrency = r.Read(D.Concurrency),
            Rate = r.Read(D.Rate),
            Speed = r.Read(D.Speed),
            Repeat = r.Read(D.Repeat),
            Duration = r.Read(D.Duration),
            Warmup = r.Read(D.Warmup),
            Timeout = r.Read(D.Timeout) ?? TimeSpan.FromSeconds(10),
            ShardIndex = r.Read(D.ShardIndex),
            ShardTotal = r.Read(D.ShardTotal),
            Diff = r.Read(D.Diff),
            LearnNoise = r.Read(D.LearnNoise),
            MaxBodyBytes = r.Read(D.MaxBody),
            IgnoreFields = new ReplayOptions().IgnoreFields.Concat(r.Read(D.IgnoreFields)).ToHashSet(StringComparer.OrdinalIgnoreCase),
            RedactFields = r.Read(D.RedactFields),
            ReplayHeaders = r.Read(D.ReplayHeaders).ToHashSet(StringComparer.OrdinalIgnoreCase),
            CanaryHeaders = AuthHeader(r, D.CanaryAuthHeader),
            BaselineHeaders = AuthHeader(r, D.BaselineAuthHeader),
            BaselineMethods = BaselineMethods(r),
            HostHeader = r.Read(D.HostHeader),
        };
        if (replay.ShardIndex >= replay.ShardTotal)
        {
            r.AddError(D.ShardIndex.Name, $"Input 'shard-index' must be below shard-total ({replay.ShardTotal}); got {replay.ShardIndex}.");
        }

        if (replay.Engine == ReplayEngine.Raw && new[] { canary, baseline }.Any(u => u?.Uri.Scheme == Uri.UriSchemeHttps))
        {
            r.AddError(D.Engine.Name, "Input 'engine: raw' speaks plain HTTP/1.1 only; use 'auto' (the default) or 'httpclient' for https:// targets.");
        }

        if (replay.HostHeader is { } host && !HeaderRules.IsValidValue(host))
        {
            r.AddError(D.HostHeader.Name, "Input 'host-header' must be one line of printable ASCII (no control characters).");
        }

        return new ReplayModeInputs
        {
            ResultsPath = string.Empty,
            Judge = new JudgeOptions(),
            CanaryUrl = canary,
            CanaryFile = canaryFile ?? string.Empty,
            BaselineUrl = baseline,
            SamplePath = sample ?? string.Empty,
            AllowMethods = allow is null ? null : allow.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
            Replay = replay,
            SkipTlsVerify = r.Read(D.InsecureSkipTlsVerify),
        };
    }

    private static HashSet<string> BaselineMethods(InputReader r)
    {
        var methods = r.Read(D.BaselineMethods).SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(m => m.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (methods.Remove("*"))
        {
            methods.UnionWith(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT"]);
        }

        foreach (var method in methods.Where(m => !HeaderRules.IsValidName(m)).ToList())
        {
            r.AddError(D.BaselineMethods.Name, $"{D.BaselineMethods.Describe()} must list HTTP methods; '{method}' is not one.");
        }

        return methods;
    }

    private static Dictionary<string, string> AuthHeader(InputReader r, Core.Definition.TextInput input)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var auth = r.Read(input);
        if (string.IsNullOrEmpty(auth))
        {
            return headers;
        }

        var colon = auth.IndexOf(':', StringComparison.Ordinal);
        var name = colon <= 0 ? string.Empty : auth[..colon].Trim();
        var value = colon <= 0 ? string.Empty : auth[(colon + 1)..].Trim();
        if (!HeaderRules.IsValidName(name) || !HeaderRules.IsValidValue(value))
        {
            r.AddError(input.Name, $"Input '{input.Name}' must be one line 'Header-Name: value', e.g. 'Authorization: Bearer <token>'.");
            return headers;
        }

        headers[name] = value;
        return headers;
    }

    private static IReadOnlyList<string> MergeFiles(InputReader r, ActionRuntime runtime)
    {
        var lines = r.Read(D.MergeInputs);
        if (lines.Count == 0)
        {
            r.AddError(D.MergeInputs.Name, "Input 'merge-inputs' must list the shard result files (one per line) in merge mode.");
        }

        var files = new List<string>();
        foreach (var line in lines)
        {
            var (full, error) = WorkspacePaths.Confine(line, r.Workspace, [runtime.Environment.GetNonEmpty("RUNNER_TEMP")]);
            if (error is not null || full is null)
            {
                r.AddError(D.MergeInputs.Name, $"{D.MergeInputs.Describe()} {error}.");
                continue;
            }

            files.Add(full);
        }

        return files;
    }

    private static double Number(InputReader r, Core.Definition.NumberInput input) => r.Read(input) ?? input.Default ?? 0;
}
