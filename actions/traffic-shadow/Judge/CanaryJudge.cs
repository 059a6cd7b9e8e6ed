using System.Globalization;
using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.TrafficShadow.Judge;

/// <summary>
/// The pure judgement. With a baseline, Kayenta-style: per endpoint and overall, latency by Mann-Whitney U with a
/// Hodges–Lehmann shift interval, and the 5xx+transport error rate by Fisher's exact test (so a few new errors
/// count even when the baseline has none); score = passed/conclusive × 100 → promote / hold / rollback.
/// Without a baseline: absolute thresholds on p95 and error rate.
/// </summary>
public static class CanaryJudge
{
    /// <summary>Judges a replay.</summary>
    public static Judgement Judge(ReplayResult result, JudgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (TotalFailure(result.Canary) is { } down)
        {
            return down;
        }

        var judgement = result.Baseline is null ? Absolute(result.Canary, options) : Relative(result.Baseline, result.Canary, options);
        return options.DiffVerdict == DiffVerdict.Ignore || result.Compared == 0 ? judgement : WithDifferences(judgement, result, options);
    }

    /// <summary>
    /// Correctness counts: differing response pairs (noise excluded) above <c>max-diff-rate</c> make the verdict at
    /// least hold, naming the differing paths; the per-endpoint differences are listed as <c>responses</c> metrics.
    /// The score stays that of latency and errors.
    /// </summary>
    private static Judgement WithDifferences(Judgement judgement, ReplayResult result, JudgeOptions options)
    {
        var differing = result.Diffs.Values.Sum(d => d.Count);
        var rate = 100.0 * differing / result.Compared;
        var over = rate > options.MaxDiffRatePct;
        var outcome = over ? MetricOutcome.Fail : MetricOutcome.Pass;
        var metrics = judgement.Metrics.ToList();
        metrics.Add(new MetricJudgement("(all)", "responses", outcome, F($"{differing} of {result.Compared} response pairs differ ({rate:0.##} %, max-diff-rate {options.MaxDiffRatePct} %)")));
        metrics.AddRange(result.Diffs.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new MetricJudgement(d.Key, "responses", outcome, F($"{d.Value.Count} differ, e.g. {d.Value.Example}"))));
        if (!over)
        {
            return judgement with { Metrics = metrics };
        }

        var paths = string.Join(", ", result.Diffs.OrderByDescending(d => d.Value.Count).ThenBy(d => d.Key, StringComparer.Ordinal).Take(5)
            .Select(d => $"{d.Key} {DiffPath(d.Value.Example)}"));
        var why = F($"Responses differ from the baseline in {rate:0.##} % of {result.Compared} compared pairs (max-diff-rate {options.MaxDiffRatePct} %): {paths}");
        return judgement.Verdict == "promote"
            ? judgement with { Verdict = "hold", Reason = $"{why}. Latency and errors: {judgement.Reason}", Metrics = metrics }
            : judgement with { Reason = $"{judgement.Reason} Also: {why}.", Metrics = metrics };
    }

    /// <summary>The path part of a difference (<c>$.slots[0].price</c> of <c>$.slots[0].price: 40 → 42</c>).</summary>
    private static string DiffPath(string example)
    {
        var colon = example.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && example.StartsWith('$') ? example[..colon] : example;
    }

    /// <summary>A canary that failed every request is down: rollback at any sample size (min-samples guards statistics, not outages).</summary>
    private static Judgement? TotalFailure(TargetStats canary)
    {
        var seen = canary.Endpoints.Values.Sum(e => e.Seen);
        var failed = canary.Endpoints.Values.Sum(e => e.ServerOrTransportErrors);
        if (seen == 0 || failed < seen)
        {
            return null;
        }

        var detail = F($"all {seen} canary requests failed (5xx or transport error)");
        return new Judgement("rollback", 0, $"The canary is down: {detail}.", [new MetricJudgement("(all)", "errors", MetricOutcome.Critical, detail)]);
    }

    private static Judgement Absolute(TargetStats canary, JudgeOptions options)
    {
        var metrics = new List<MetricJudgement>();
        if (canary.Count < options.MinSamples)
        {
            return new Judgement("hold", null, $"Only {canary.Count} requests measured (min-samples {options.MinSamples}): inconclusive.", metrics);
        }

        var errors = canary.Endpoints.Values.Sum(e => e.ServerOrTransportErrors);
        var rate = 100.0 * errors / canary.Count;
        metrics.Add(new MetricJudgement("(all)", "errors", rate > options.MaxErrorRatePct ? MetricOutcome.Fail : MetricOutcome.Pass,
            F($"5xx+transport error rate {rate:0.##}% (limit {options.MaxErrorRatePct}%)")));
        if (options.MaxP95Ms is { } limit)
        {
            var p95 = canary.Histogram.GetValueAtPercentile(95) / 1000.0;
            metrics.Add(new MetricJudgement("(all)", "latency", p95 > limit ? MetricOutcome.Fail : MetricOutcome.Pass, F($"p95 {p95:0.##} ms (limit {limit} ms)")));
        }

        var failed = metrics.Where(m => m.Outcome != MetricOutcome.Pass).ToList();
        return failed.Count == 0
            ? new Judgement("promote", 100, "Within the absolute thresholds (no baseline given).", metrics)
            : new Judgement("rollback", 100.0 * (metrics.Count - failed.Count) / metrics.Count, "Over the absolute thresholds: " + string.Join("; ", failed.Select(f => f.Detail)) + ".", metrics);
    }

    private static Judgement Relative(TargetStats baseline, TargetStats canary, JudgeOptions options)
    {
        var metrics = new List<MetricJudgement>();
        // Overall compares like with like: only the endpoints both targets received (baseline-methods keeps unsafe ones off the baseline).
        var shared = canary.Endpoints.Where(e => baseline.Endpoints.ContainsKey(e.Key)).ToList();
        var overallBaseline = Combine(shared.Select(e => baseline.Endpoints[e.Key]));
        var overallCanary = Combine(shared.Select(e => e.Value));
        metrics.Add(Latency("(all)", overallBaseline.Sample, overallCanary.Sample, options));
        metrics.Add(Errors("(all)", overallBaseline, overallCanary, options));
        foreach (var endpoint in canary.Endpoints.Keys.Order(StringComparer.Ordinal))
        {
            if (!baseline.Endpoints.TryGetValue(endpoint, out var b))
            {
                metrics.Add(CanaryOnlyErrors(endpoint, canary.Endpoints[endpoint], options));
                continue;
            }

            var c = canary.Endpoints[endpoint];
            metrics.Add(Latency(endpoint, b.Sample, c.Sample, options));
            metrics.Add(Errors(endpoint, (b.Seen, b.ServerOrTransportErrors, b.Sample), (c.Seen, c.ServerOrTransportErrors, c.Sample), options));
        }

        var conclusive = metrics.Where(m => m.Outcome != MetricOutcome.Inconclusive).ToList();
        var critical = metrics.FirstOrDefault(m => m.Outcome == MetricOutcome.Critical);
        if (critical is not null)
        {
            return new Judgement("rollback", Score(conclusive), $"Critical: {critical.Endpoint} {critical.Metric} — {critical.Detail}.", metrics);
        }

        if (metrics.Take(2).Any(m => m.Outcome == MetricOutcome.Inconclusive))
        {
            return new Judgement("hold", Score(conclusive), $"Too few samples to judge (min-samples {options.MinSamples} per target): inconclusive.", metrics);
        }

        var score = Score(conclusive)!.Value;
        var verdict = score >= options.PassScore ? "promote" : score >= options.MarginalScore ? "hold" : "rollback";
        var failures = conclusive.Where(m => m.Outcome == MetricOutcome.Fail).Select(m => $"{m.Endpoint} {m.Metric}").ToList();
        var reason = F($"Score {score:0.#} (pass ≥ {options.PassScore}, marginal ≥ {options.MarginalScore})") +
            (failures.Count == 0 ? "; every metric passed." : "; failed: " + string.Join(", ", failures.Take(10)) + ".");
        return new Judgement(verdict, score, reason, metrics);
    }

    private static MetricJudgement Latency(string endpoint, IReadOnlyList<long> baseline, IReadOnlyList<long> canary, JudgeOptions options)
    {
        if (baseline.Count < options.MinSamples || canary.Count < options.MinSamples)
        {
            return new MetricJudgement(endpoint, "latency", MetricOutcome.Inconclusive, $"{canary.Count} canary / {baseline.Count} baseline samples");
        }

        var test = Statistics.MannWhitney([.. baseline.Select(v => (double)v)], [.. canary.Select(v => (double)v)], options.Confidence);
        var median = Median(baseline);
        var shiftPct = median <= 0 ? 0 : 100 * test.Shift / median;
        var lowerPct = median <= 0 ? 0 : 100 * test.Lower / median;
        var significant = test.PValue < 1 - options.Confidence;
        var outcome = !significant || lowerPct <= options.AllowedLatencyIncreasePct
            ? MetricOutcome.Pass
            : lowerPct > options.CriticalLatencyIncreasePct ? MetricOutcome.Critical : MetricOutcome.Fail;
        return new MetricJudgement(endpoint, "latency", outcome,
            F($"shift {shiftPct:+0.#;-0.#;0}% of baseline median {median / 1000.0:0.##} ms ({options.Confidence:P0} interval {lowerPct:+0.#;-0.#;0}%..{100 * test.Upper / Math.Max(1, median):+0.#;-0.#;0}%), p{P(test.PValue)}"));
    }

    private static MetricJudgement Errors(string endpoint, (long Seen, long Failed, List<long> Sample) baseline, (long Seen, long Failed, List<long> Sample) canary, JudgeOptions options)
    {
        if (baseline.Seen < options.MinSamples || canary.Seen < options.MinSamples)
        {
            return new MetricJudgement(endpoint, "errors", MetricOutcome.Inconclusive, $"{canary.Seen} canary / {baseline.Seen} baseline requests");
        }

        var baseRate = 100.0 * baseline.Failed / baseline.Seen;
        var canaryRate = 100.0 * canary.Failed / canary.Seen;
        var p = Statistics.FisherGreater(canary.Failed, canary.Seen, baseline.Failed, baseline.Seen);
        var outcome = p >= 1 - options.Confidence ? MetricOutcome.Pass
            : canaryRate - baseRate >= options.CriticalErrorIncreasePoints ? MetricOutcome.Critical : MetricOutcome.Fail;
        return new MetricJudgement(endpoint, "errors", outcome, F($"5xx+transport {canaryRate:0.##}% vs baseline {baseRate:0.##}% (Fisher p{P(p)})"));
    }

    /// <summary>An endpoint only the canary received (its method is not in baseline-methods): judged on max-error-rate alone.</summary>
    private static MetricJudgement CanaryOnlyErrors(string endpoint, EndpointStats canary, JudgeOptions options)
    {
        if (canary.Seen < options.MinSamples)
        {
            return new MetricJudgement(endpoint, "errors", MetricOutcome.Inconclusive, $"{canary.Seen} canary requests (canary only: not sent to the baseline)");
        }

        var rate = 100.0 * canary.ServerOrTransportErrors / canary.Seen;
        return new MetricJudgement(endpoint, "errors", rate > options.MaxErrorRatePct ? MetricOutcome.Fail : MetricOutcome.Pass,
            F($"5xx+transport {rate:0.##}% (canary only, limit max-error-rate {options.MaxErrorRatePct}%)"));
    }

    private static (long Seen, long Failed, List<long> Sample) Combine(IEnumerable<EndpointStats> endpoints)
    {
        long seen = 0, failed = 0;
        var sample = new List<long>();
        foreach (var e in endpoints)
        {
            seen += e.Seen;
            failed += e.ServerOrTransportErrors;
            sample.AddRange(e.Sample);
        }

        return (seen, failed, sample);
    }

    private static double? Score(List<MetricJudgement> conclusive) =>
        conclusive.Count == 0 ? null : Math.Round(100.0 * conclusive.Count(m => m.Outcome == MetricOutcome.Pass) / conclusive.Count, 1);

    private static double Median(IReadOnlyList<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }

    /// <summary>A p-value as text: <c>=0.0123</c>, or <c>&lt;0.0001</c> rather than a misleading <c>=0</c>.</summary>
    private static string P(double p) => p < 0.0001 ? "<0.0001" : "=" + p.ToString("0.####", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
