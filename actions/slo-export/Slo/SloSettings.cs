namespace Bookiji.Actions.SloExport.Slo;

/// <summary>The pure core's configuration: targets and windows.</summary>
public sealed record SloSettings
{
    /// <summary>The latency objective's percentile: P95, as the brief's target names.</summary>
    public const int LatencyPercentile = 95;

    /// <summary>Most recent runs the summary and timeseries cover.</summary>
    public int Window { get; init; } = 50;

    /// <summary>Booking P95 latency target, milliseconds.</summary>
    public double TargetLatencyMs { get; init; } = 500;

    /// <summary>Uptime target, percent.</summary>
    public double TargetUptime { get; init; } = 99.9;

    /// <summary>The error budget's rolling period.</summary>
    public TimeSpan BudgetPeriod { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Runs in the short burn-rate window.</summary>
    public int ShortWindowRuns { get; init; } = 5;
}
