using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The figures over the window; null means there was no data for it.</summary>
public sealed record SloMetrics
{
    /// <summary>Σpassed / Σ(passed+failed) of tests, percent.</summary>
    [JsonPropertyName("passRate")]
    public double? PassRate { get; init; }

    /// <summary>100 − passRate.</summary>
    [JsonPropertyName("failRate")]
    public double? FailRate { get; init; }

    /// <summary>Nearest-rank P95 of every booking sample, ms.</summary>
    [JsonPropertyName("bookingP95Latency")]
    public double? BookingP95Latency { get; init; }

    /// <summary>Synthetic uptime, percent (see uptimeMethod).</summary>
    [JsonPropertyName("uptimeApprox")]
    public double? UptimeApprox { get; init; }

    /// <summary>Nearest-rank P50 of every booking sample, ms.</summary>
    [JsonPropertyName("bookingP50Latency")]
    public double? BookingP50Latency { get; init; }

    /// <summary>Share of green runs, percent.</summary>
    [JsonPropertyName("runPassRate")]
    public double? RunPassRate { get; init; }

    /// <summary>health-checks (Σfailures/Σchecks) or run-pass-rate (no run carried health).</summary>
    [JsonPropertyName("uptimeMethod")]
    public required string UptimeMethod { get; init; }
}
