namespace Bookiji.Actions.TrafficShadow.Judge;

/// <summary>The outcome of one metric's comparison.</summary>
public enum MetricOutcome
{
    /// <summary>Within what is allowed.</summary>
    Pass,

    /// <summary>Significantly worse than allowed.</summary>
    Fail,

    /// <summary>Far worse: roll back whatever the score.</summary>
    Critical,

    /// <summary>Too few samples to say.</summary>
    Inconclusive,
}

/// <summary>One judged metric.</summary>
/// <param name="Endpoint">The endpoint, or <c>(all)</c>.</param>
/// <param name="Metric"><c>latency</c> or <c>errors</c>.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Detail">The numbers behind it, in words.</param>
public sealed record MetricJudgement(string Endpoint, string Metric, MetricOutcome Outcome, string Detail);

/// <summary>The verdict and why.</summary>
/// <param name="Verdict"><c>promote</c>, <c>hold</c> or <c>rollback</c>.</param>
/// <param name="Score">Passed metrics over conclusive ones × 100 (null when none was conclusive).</param>
/// <param name="Reason">The verdict's reason in one sentence.</param>
/// <param name="Metrics">Every metric.</param>
public sealed record Judgement(string Verdict, double? Score, string Reason, IReadOnlyList<MetricJudgement> Metrics);
