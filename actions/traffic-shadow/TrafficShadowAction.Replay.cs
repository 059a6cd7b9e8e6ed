using System.Globalization;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.TrafficShadow.Replay;
using Bookiji.Actions.TrafficShadow.Results;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow;

public sealed partial class TrafficShadowAction
{
    /// <summary>
    /// The largest sample read: ~400,000 JSON entries. The parsed and prepared requests take about 30 times the file's
    /// size in memory (a 78 MB sample took 2.4 GB), so this bound keeps a run near 1 GB on a 7 GB runner; replay more
    /// with repeat, duration or shards.
    /// </summary>
    public const long MaxSampleBytes = 32L * 1024 * 1024;

    private static async Task<(ReplayResult Result, RunContext Context)> ReplayAsync(ActionRuntime runtime, ReplayModeInputs inputs, CancellationToken cancellationToken)
    {
        var canary = inputs.CanaryUrl ?? await CanaryFromFileAsync(runtime, inputs.CanaryFile, cancellationToken);
        if (inputs.Replay.Engine == ReplayEngine.Raw && canary.Uri.Scheme == Uri.UriSchemeHttps)
        {
            throw new ActionException($"The canary from {runtime.RelativeToWorkspace(inputs.CanaryFile)} is https://, which engine: raw cannot speak; use engine: auto (the default) or httpclient.") { Title = "raw engine and https" };
        }

        inputs = inputs with { Replay = inputs.Replay with { Engine = ReplayEngines.Resolve(inputs.Replay.Engine, canary.Uri, inputs.BaselineUrl?.Uri) } };
        runtime.Core.StartGroup("Reading the traffic sample");
        List<string> notes;
        IReadOnlyList<PreparedRequest> prepared;
        try
        {
            var sampleName = Path.GetFileName(inputs.SamplePath);
            if (new FileInfo(inputs.SamplePath).Length > MaxSampleBytes)
            {
                throw new ActionException($"The traffic sample {sampleName} is over {MaxSampleBytes / (1024 * 1024)} MiB (memory grows about 30 times the sample's size); replay a smaller slice (sample it down, then use repeat, duration or shard-total).") { Title = "sample too large" };
            }

            var sample = SampleReader.Read(await File.ReadAllTextAsync(inputs.SamplePath, cancellationToken), sampleName, inputs.Replay.MaxBodyBytes);
            var hosts = new[] { canary, inputs.BaselineUrl }.OfType<UserUrl>().Select(u => u.Uri.Authority.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var (allowed, refused) = RequestGuard.Apply(sample, hosts, inputs.AllowMethods);
            var (ready, unsafeOnes) = RequestPlanner.Prepare(allowed, canary, inputs.BaselineUrl, inputs.Replay);
            notes = [.. sample.Skipped, .. refused, .. unsafeOnes];
            var canaryOnly = inputs.BaselineUrl is null ? [] : ready.Where(p => p.BaselineUri is null).ToList();
            if (canaryOnly.Count > 0)
            {
                var methods = canaryOnly.Select(p => p.Request.Method).Distinct().Order(StringComparer.Ordinal);
                notes.Add($"{canaryOnly.Count} requests ({string.Join(", ", methods)}) went to the canary only, not the baseline (baseline-methods: {string.Join(", ", inputs.Replay.BaselineMethods.Order(StringComparer.Ordinal))}); they are judged on their own error rate.");
            }

            prepared = ready;
            runtime.Core.Info($"{sample.Requests.Count} entries read ({sample.Format}); {prepared.Count} to replay, {notes.Count} skipped or refused.");
            Warn(runtime, notes);
            if (prepared.Count == 0)
            {
                throw new ActionException($"Nothing to replay: the sample {sampleName} has no usable request ({notes.Count} skipped or refused; see the warnings).") { Title = "empty sample" };
            }
        }
        finally
        {
            runtime.Core.EndGroup();
        }

        using var probe = new ProbeClient(new ProbeClientOptions
        {
            MaxConnectionsPerServer = inputs.Replay.Concurrency,
            SkipTlsVerify = inputs.SkipTlsVerify,
            MaxBodyBytes = inputs.Replay.MaxBodyBytes,
        }, runtime.Time);
        var shape = inputs.Replay.Rate is { } rate ? $"open loop at {rate} req/s" : inputs.Replay.Speed is { } speed ? $"recorded pacing ×{speed}" : "closed loop";
        runtime.Core.StartGroup($"Replaying {prepared.Count} requests at {canary.Redacted}" + (inputs.BaselineUrl is { } b ? $" and {b.Redacted}" : string.Empty));
        try
        {
            runtime.Core.Info($"{inputs.Replay.Concurrency} workers, {shape}, engine {inputs.Replay.Engine.ToString().ToLowerInvariant()}, shard {inputs.Replay.ShardIndex + 1}/{inputs.Replay.ShardTotal}.");
            var result = await new Replayer(probe, inputs.Seed).RunAsync(prepared, inputs.BaselineUrl is not null, inputs.Replay, p => runtime.Core.Info(Progress(p)), cancellationToken);
            runtime.Core.Info(FormattableString.Invariant($"Done: {result.Measured} measured requests per target in {result.Elapsed.TotalSeconds:0.#} s ({result.AchievedRate:0} req/s)."));
            var context = new RunContext(canary.Redacted, inputs.BaselineUrl?.Redacted, inputs.Replay.Concurrency, $"{inputs.Replay.ShardIndex + 1}/{inputs.Replay.ShardTotal}", notes);
            return Pair(result, context);
        }
        finally
        {
            runtime.Core.EndGroup();
        }
    }

    private static string Progress(ReplayProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $"… {p.Done:N0}") + (p.Total is { } total ? string.Create(CultureInfo.InvariantCulture, $" of {total:N0}") : string.Empty) +
        string.Create(CultureInfo.InvariantCulture, $" requests after {p.Elapsed.TotalSeconds:0} s, {p.Rate:0} req/s, {p.Errors:N0} canary 5xx/transport errors.");

    /// <summary>The canary URL from the canary file (the I/O edge: Parse only checked that the file exists).</summary>
    private static async Task<UserUrl> CanaryFromFileAsync(ActionRuntime runtime, string path, CancellationToken cancellationToken)
    {
        var name = runtime.RelativeToWorkspace(path);
        var read = await JsonFile.ReadAsync(path, TrafficShadowJsonContext.Default.CanaryFile, 1024 * 1024, cancellationToken);
        if (read.Value is not { } file)
        {
            throw new ActionException($"No canary URL: canary-url (or CANARY_URL) is not set and {name} {read.Problem}.") { Title = "no canary URL" };
        }

        var url = UserUrl.TryParse(file.CanaryUrl ?? file.Url ?? file.CanaryUrlSnake)
            ?? throw new ActionException($"No canary URL: canary-url (or CANARY_URL) is not set and {name} has no absolute http(s) canaryUrl or url.") { Title = "no canary URL" };
        if (url.HasCredentials)
        {
            runtime.Core.SetUserInfoSecret(url.Uri.UserInfo);
        }

        return url;
    }
}
