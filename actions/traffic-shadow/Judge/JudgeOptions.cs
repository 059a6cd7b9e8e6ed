using D = Bookiji.Actions.TrafficShadow.TrafficShadowDefinition;

namespace Bookiji.Actions.TrafficShadow.Judge;

/// <summary>How strict the judgement is; Kayenta-like defaults come from the declaration (<see cref="TrafficShadowDefinition"/>).</summary>
public sealed record JudgeOptions
{
    /// <summary>Confidence of the latency shift interval and the significance of both tests. Default 0.98.</summary>
    public double Confidence { get; init; } = D.Confidence.Default ?? 0.98;

    /// <summary>A latency increase (as % of the baseline median) tolerated even when significant. Default 10.</summary>
    public double AllowedLatencyIncreasePct { get; init; } = D.AllowedLatencyIncrease.Default ?? 10;

    /// <summary>A latency increase that rolls back at once. Default 50.</summary>
    public double CriticalLatencyIncreasePct { get; init; } = D.CriticalLatencyIncrease.Default ?? 50;

    /// <summary>A rise of the 5xx+transport error rate (percentage points) that rolls back at once. Default 5.</summary>
    public double CriticalErrorIncreasePoints { get; init; } = D.CriticalErrorIncrease.Default ?? 5;

    /// <summary>Samples per target below which a metric is inconclusive. Default 50.</summary>
    public int MinSamples { get; init; } = D.MinSamples.Default;

    /// <summary>Score at or above which the canary is promoted. Default 95.</summary>
    public double PassScore { get; init; } = D.PassScore.Default ?? 95;

    /// <summary>Score at or above which the verdict is hold (below: rollback). Default 75.</summary>
    public double MarginalScore { get; init; } = D.MarginalScore.Default ?? 75;

    /// <summary>Without a baseline: the p95 (ms) above which the canary rolls back; null for no limit.</summary>
    public double? MaxP95Ms { get; init; }

    /// <summary>Without a baseline: the 5xx+transport error rate (%) above which the canary rolls back. Default 1.</summary>
    public double MaxErrorRatePct { get; init; } = D.MaxErrorRate.Default ?? 1;

    /// <summary>Whether response differences weigh in the verdict. Default hold.</summary>
    public DiffVerdict DiffVerdict { get; init; } = D.DiffVerdictInput.Default;

    /// <summary>Differing response pairs (% of those compared) tolerated before the verdict is held. Default 1.</summary>
    public double MaxDiffRatePct { get; init; } = D.MaxDiffRate.Default ?? 1;
}
