using HdrHistogram;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.TrafficShadow.Judge;
using Bookiji.Actions.TrafficShadow.Replay;
using static Bookiji.Actions.Core.Summary.StepSummary;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>The one place this action writes the results file, outputs and the step summary.</summary>
internal static class TrafficShadowReport
{
    private static readonly double[] Percentiles = [50, 90, 95, 99];

    public static async Task WriteAsync(ActionRuntime runtime, TrafficShadowInputs inputs, ReplayResult result, Judgement judgement, IReadOnlyList<string> notes, CancellationToken cancellationToken)
    {
        var json = Results(runtime, inputs, result, judgement, notes);
        await Bookiji.Actions.Core.Toolkit.OutputFile.WriteJsonAsync(inputs.ResultsPath, json, cancellationToken);

        var summary = json["summary"]!;
        var core = runtime.Core;
        core.SetOutput("results-path", Path.GetRelativePath(runtime.Workspace, inputs.ResultsPath));
        core.SetOutput("p95-latency", summary["p95Latency"]!.GetValue<double>());
        core.SetOutput("error-rate", summary["errorRate"]!.GetValue<double>());
        core.SetOutput("verdict", judgement.Verdict);
        core.SetOutput("score", judgement.Score is { } s ? s.ToString(CultureInfo.InvariantCulture) : string.Empty);
        core.Info($"Verdict {judgement.Verdict}: {judgement.Reason}");
        if (runtime.Summary.IsAvailable)
        {
            WriteSummary(runtime.Summary, inputs, result, judgement, json);
            await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>The brief's results object (its fields first, with their names and meaning) plus the judgement and raw data.</summary>
    private static JsonObject Results(ActionRuntime runtime, TrafficShadowInputs inputs, ReplayResult result, Judgement judgement, IReadOnlyList<string> notes)
    {
        var canary = result.Canary;
        var total = canary.Count;
        var errors = canary.Endpoints.Values.Sum(e => e.ServerOrTransportErrors);
        var errorRate = total == 0 ? 0 : Math.Round(100.0 * errors / total, 2);
        var json = new JsonObject
        {
            ["timestamp"] = Bookiji.Actions.Core.Toolkit.IsoTimestamp.Format(runtime.Time.GetUtcNow()),
            ["canaryUrl"] = inputs.CanaryUrl?.ToString(),
            ["totalRequests"] = total,
            ["statusCodes"] = new JsonObject([.. canary.StatusCodes.OrderBy(s => s.Key).Select(s => KeyValuePair.Create(s.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)s.Value))]),
            ["latencies"] = new JsonArray([.. canary.FirstLatenciesMs.Select(l => (JsonNode)l)]),
            ["errors"] = errors,
            ["summary"] = new JsonObject
            {
                ["averageLatency"] = Ms(canary.Histogram.GetMean()),
                ["p95Latency"] = Ms(canary.Histogram.GetValueAtPercentile(95)),
                ["errorRate"] = errorRate,
                ["successRate"] = Math.Round(100 - errorRate, 2),
            },
            ["verdict"] = judgement.Verdict,
            ["score"] = judgement.Score,
            ["reason"] = judgement.Reason,
            ["latenciesNote"] = $"'latencies' keeps the first {canary.FirstLatenciesMs.Count} of {total} requests in ms; percentiles come from HdrHistograms of every request.",
            ["percentilesMs"] = Percentile(canary),
            ["errorsByKind"] = new JsonObject([.. canary.Errors.OrderBy(e => e.Key).Select(e => KeyValuePair.Create(e.Key.ToString(), (JsonNode?)e.Value))]),
            ["baselineUrl"] = inputs.BaselineUrl?.ToString(),
            ["baseline"] = result.Baseline is { } b ? new JsonObject { ["totalRequests"] = b.Count, ["percentilesMs"] = Percentile(b), ["errors"] = b.Endpoints.Values.Sum(e => e.ServerOrTransportErrors) } : null,
            ["run"] = new JsonObject
            {
                ["elapsedSeconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
                ["achievedRps"] = Math.Round(result.AchievedRate, 1),
                ["targetRps"] = result.TargetRate,
                ["saturated"] = result.Saturated,
                ["meanSendLagMs"] = result.MeanSendLagMs,
                ["concurrency"] = inputs.Replay.Concurrency,
                ["shard"] = $"{inputs.Replay.ShardIndex + 1}/{inputs.Replay.ShardTotal}",
                ["compared"] = result.Compared,
            },
            ["endpoints"] = new JsonArray([.. canary.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (JsonNode)Endpoint(e.Key, e.Value, result.Baseline))]),
            ["metrics"] = new JsonArray([.. judgement.Metrics.Select(m => (JsonNode)new JsonObject { ["endpoint"] = m.Endpoint, ["metric"] = m.Metric, ["outcome"] = m.Outcome.ToString().ToLowerInvariant(), ["detail"] = m.Detail })]),
            ["learnedNoise"] = new JsonObject([.. result.LearnedNoise.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => KeyValuePair.Create(n.Key, (JsonNode?)new JsonArray([.. n.Value.Order(StringComparer.Ordinal).Select(p => (JsonNode)p)])))]),
            ["diffs"] = new JsonArray([.. result.Diffs.OrderByDescending(d => d.Value.Count).Select(d => (JsonNode)new JsonObject { ["endpoint"] = d.Key, ["count"] = d.Value.Count, ["example"] = d.Value.Example })]),
            ["notes"] = new JsonArray([.. notes.Take(200).Select(n => (JsonNode)n)]),
            ["raw"] = new JsonObject { ["canary"] = StatsCodec.Encode(canary), ["baseline"] = result.Baseline is { } raw ? StatsCodec.Encode(raw) : null },
        };
        return json;
    }

    private static JsonObject Endpoint(string key, EndpointStats stats, TargetStats? baseline) => new()
    {
        ["endpoint"] = key,
        ["requests"] = stats.Seen,
        ["errors"] = stats.ServerOrTransportErrors,
        ["p50Ms"] = Ms(stats.Histogram.GetValueAtPercentile(50)),
        ["p95Ms"] = Ms(stats.Histogram.GetValueAtPercentile(95)),
        ["p99Ms"] = Ms(stats.Histogram.GetValueAtPercentile(99)),
        ["baselineP95Ms"] = baseline is not null && baseline.Endpoints.TryGetValue(key, out var b) ? Ms(b.Histogram.GetValueAtPercentile(95)) : null,
    };

    private static JsonObject Percentile(TargetStats stats)
    {
        var json = new JsonObject();
        foreach (var p in Percentiles)
        {
            json["p" + p.ToString(CultureInfo.InvariantCulture)] = Ms(stats.Histogram.GetValueAtPercentile(p));
        }

        json["max"] = Ms(stats.Histogram.GetMaxValue());
        return json;
    }

    private static double Ms(double micros) => Math.Round(micros / 1000.0, 1);

    private static void WriteSummary(StepSummary summary, TrafficShadowInputs inputs, ReplayResult result, Judgement judgement, JsonObject json)
    {
        var icon = judgement.Verdict switch { "promote" => "✅", "hold" => "⏸️", _ => "🛑" };
        summary.AddHeading($"{icon} Canary verdict: {judgement.Verdict}" + (judgement.Score is { } score ? $" (score {score.ToString("0.#", CultureInfo.InvariantCulture)})" : string.Empty), 2)
            .AddRaw($"<p>{Escape(judgement.Reason)}</p>", addEol: true);
        var run = json["run"]!;
        summary.AddRaw(FormattableString.Invariant($"<p>{result.Canary.Count} requests per target in {run["elapsedSeconds"]} s — {run["achievedRps"]} req/s achieved") +
            (result.TargetRate is { } target ? FormattableString.Invariant($" of {target} targeted") : " (closed loop)") +
            (result.Saturated ? " — <b>generator saturated: latencies are upper bounds</b>" : string.Empty) + ".</p>", addEol: true);
        var rows = new List<IEnumerable<SummaryTableCell>>
        {
            new[] { SummaryTableCell.Head("Endpoint"), SummaryTableCell.Head("Requests"), SummaryTableCell.Head("p50 ms"), SummaryTableCell.Head("p95 ms"), SummaryTableCell.Head("p99 ms"), SummaryTableCell.Head("Baseline p95"), SummaryTableCell.Head("5xx+transport"), SummaryTableCell.Head("Judgement") },
        };
        foreach (var endpoint in json["endpoints"]!.AsArray().Take(50))
        {
            var key = endpoint!["endpoint"]!.GetValue<string>();
            var outcomes = judgement.Metrics.Where(m => m.Endpoint == key).Select(m => $"{m.Metric}: {m.Outcome.ToString().ToLowerInvariant()}");
            rows.Add(new SummaryTableCell[]
            {
                $"<code>{Escape(key)}</code>", endpoint["requests"]!.ToJsonString(), endpoint["p50Ms"]!.ToJsonString(), endpoint["p95Ms"]!.ToJsonString(), endpoint["p99Ms"]!.ToJsonString(),
                endpoint["baselineP95Ms"]?.ToJsonString() ?? "—", endpoint["errors"]!.ToJsonString(), Escape(string.Join(", ", outcomes)),
            });
        }

        summary.AddTable(rows);
        var canaryP = json["percentilesMs"]!;
        var labels = "[p50, p90, p95, p99, max]";
        var mermaid = new StringBuilder("xychart-beta\n  title \"Latency (ms): bars canary, line baseline\"\n  x-axis " + labels + "\n  y-axis \"ms\"\n");
        mermaid.Append("  bar [").Append(string.Join(", ", new[] { "p50", "p90", "p95", "p99", "max" }.Select(p => canaryP[p]!.ToJsonString()))).Append("]\n");
        if (json["baseline"] is JsonObject baseline)
        {
            var bp = baseline["percentilesMs"]!;
            mermaid.Append("  line [").Append(string.Join(", ", new[] { "p50", "p90", "p95", "p99", "max" }.Select(p => bp[p]!.ToJsonString()))).Append("]\n");
        }

        summary.AddMermaid(mermaid.ToString());
        if (result.Diffs.Count > 0)
        {
            summary.AddDetails($"Response differences ({result.Diffs.Values.Sum(d => d.Count)} of {result.Compared} compared)",
                "<ul>" + string.Concat(result.Diffs.OrderByDescending(d => d.Value.Count).Take(10).Select(d => $"<li><code>{Escape(d.Key)}</code>: {d.Value.Count} × — {Escape(d.Value.Example)}</li>")) + "</ul>");
        }

        if (json["notes"]!.AsArray().Count > 0)
        {
            summary.AddDetails($"Skipped or refused sample entries ({json["notes"]!.AsArray().Count})", "<ul>" + string.Concat(json["notes"]!.AsArray().Take(30).Select(n => $"<li>{Escape(n!.GetValue<string>())}</li>")) + "</ul>");
        }
    }
}
