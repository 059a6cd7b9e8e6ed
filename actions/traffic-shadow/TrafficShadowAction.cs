using System.Text.Json.Nodes;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.TrafficShadow.Judge;
using Bookiji.Actions.TrafficShadow.Replay;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>
/// Brief §3: replay a traffic sample at the canary (and the baseline), measure it honestly and judge it:
/// <c>traffic-shadow-results.json</c> and a verdict — promote, hold or rollback.
/// </summary>
public sealed class TrafficShadowAction : IAction
{
    /// <inheritdoc />
    public string Name => Definition.Name;

    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => TrafficShadowDefinition.Definition;

    /// <inheritdoc />
    public async Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var inputs = TrafficShadowInputs.Parse(runtime);
        var (result, notes) = inputs.Mode == "merge" ? Merge(inputs) : await ReplayAsync(runtime, inputs, cancellationToken);
        var judgement = CanaryJudge.Judge(result, inputs.Judge);
        await TrafficShadowReport.WriteAsync(runtime, inputs, result, judgement, notes, cancellationToken);
        if (judgement.Verdict == "rollback" && inputs.FailOnRollback)
        {
            runtime.Core.SetFailed($"Verdict rollback: {judgement.Reason}");
        }
    }

    private static async Task<(ReplayResult Result, IReadOnlyList<string> Notes)> ReplayAsync(ActionRuntime runtime, TrafficShadowInputs inputs, CancellationToken cancellationToken)
    {
        if (!File.Exists(inputs.SamplePath))
        {
            throw new InputException("traffic-log-path", $"The traffic sample {inputs.SamplePath} does not exist. Commit one (a JSON array of {{method, path, body?, headers?}}, a HAR file or an access log) or set 'traffic-log-path' / TRAFFIC_LOG_PATH.");
        }

        var sample = SampleReader.Read(await File.ReadAllTextAsync(inputs.SamplePath, cancellationToken), Path.GetFileName(inputs.SamplePath), inputs.MaxBodyBytes);
        var hosts = new[] { inputs.CanaryUrl, inputs.BaselineUrl }.OfType<Uri>().Select(u => u.Authority.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var (requests, refused) = RequestGuard.Apply(sample, hosts, inputs.AllowMethods);
        var notes = sample.Skipped.Concat(refused).ToList();
        foreach (var note in notes.Take(20))
        {
            runtime.Core.Warning(note);
        }

        if (requests.Count == 0)
        {
            throw new ActionException($"Nothing to replay: the sample {Path.GetFileName(inputs.SamplePath)} has no usable request ({notes.Count} skipped or refused; see the warnings).") { Title = "empty sample" };
        }

        using var handler = Replayer.CreateHandler(inputs.Replay.Concurrency, inputs.SkipTlsVerify);
        // The invoker, not HttpClient: no response buffering or timeout plumbing of its own on the hot path.
        using var client = new HttpMessageInvoker(handler, disposeHandler: false);
        runtime.Core.Info($"Replaying {requests.Count} requests ({sample.Format}) at {inputs.CanaryUrl}" + (inputs.BaselineUrl is null ? string.Empty : $" and {inputs.BaselineUrl}") +
            $" with {inputs.Replay.Concurrency} workers, {(inputs.Replay.Rate is { } rate ? $"open loop at {rate} req/s" : inputs.Replay.Speed is { } speed ? $"recorded pacing ×{speed}" : "closed loop")}.");
        var result = await new Replayer(client, runtime.Time, inputs.Seed).RunAsync(requests, inputs.CanaryUrl!, inputs.BaselineUrl, inputs.Replay, cancellationToken);
        return (result, notes);
    }

    private static (ReplayResult Result, IReadOnlyList<string> Notes) Merge(TrafficShadowInputs inputs)
    {
        TargetStats? canary = null, baseline = null;
        var diffs = new Dictionary<string, DiffCount>(StringComparer.Ordinal);
        long compared = 0;
        double elapsed = 0, lag = 0;
        bool saturated = false, anyBaseline = false;
        double? targetRate = null;
        var random = new Random(inputs.Seed);
        foreach (var file in inputs.MergeInputs)
        {
            if (!File.Exists(file))
            {
                throw new InputException("merge-inputs", $"Shard result {file} does not exist; list the files the shard jobs uploaded.");
            }

            var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var raw = json["raw"]?.AsObject() ?? throw new InputException("merge-inputs", $"{file} has no raw section; it is not a traffic-shadow result.");
            Add(ref canary, StatsCodec.Decode(raw["canary"]!.AsObject(), random));
            if (raw["baseline"] is JsonObject b)
            {
                anyBaseline = true;
                Add(ref baseline, StatsCodec.Decode(b, random));
            }

            var run = json["run"]!.AsObject();
            elapsed = Math.Max(elapsed, run["elapsedSeconds"]!.GetValue<double>());
            compared += run["compared"]!.GetValue<long>();
            lag = Math.Max(lag, run["meanSendLagMs"]!.GetValue<double>());
            saturated |= run["saturated"]!.GetValue<bool>();
            targetRate = run["targetRps"] is JsonValue t ? (targetRate ?? 0) + t.GetValue<double>() : targetRate;
            foreach (var diff in json["diffs"]?.AsArray() ?? [])
            {
                var endpoint = diff!["endpoint"]!.GetValue<string>();
                var count = diff["count"]!.GetValue<long>();
                diffs[endpoint] = diffs.TryGetValue(endpoint, out var old) ? old with { Count = old.Count + count } : new DiffCount(count, diff["example"]!.GetValue<string>());
            }
        }

        var result = new ReplayResult
        {
            Canary = canary!,
            Baseline = anyBaseline ? baseline : null,
            Diffs = diffs,
            Compared = compared,
            Measured = canary!.Count,
            Elapsed = TimeSpan.FromSeconds(elapsed),
            TargetRate = targetRate,
            MeanSendLagMs = lag,
            Saturated = saturated,
        };
        return (result, [$"Merged {inputs.MergeInputs.Count} shard results."]);
    }

    private static void Add(ref TargetStats? total, TargetStats part)
    {
        if (total is null)
        {
            total = part;
        }
        else
        {
            total.Merge(part);
        }
    }
}
