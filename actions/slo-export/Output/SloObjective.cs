using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>One objective with its error budget, burn rates, alerts, time to exhaustion and worst commit.</summary>
public sealed record SloObjective
{
    /// <summary>booking-latency or uptime.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>What a good event is.</summary>
    [JsonPropertyName("sli")]
    public required string Sli { get; init; }

    /// <summary>Share of good events required, percent.</summary>
    [JsonPropertyName("objective")]
    public required double Objective { get; init; }

    /// <summary>ok, breach or insufficient_data over the window.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The budget over the rolling period.</summary>
    [JsonPropertyName("errorBudget")]
    public required SloErrorBudget ErrorBudget { get; init; }

    /// <summary>Burn rates over windows of runs and of time.</summary>
    [JsonPropertyName("burnRates")]
    public required IReadOnlyList<SloBurnRate> BurnRates { get; init; }

    /// <summary>The multi-window burn-rate alerts.</summary>
    [JsonPropertyName("alerts")]
    public required IReadOnlyList<SloAlert> Alerts { get; init; }

    /// <summary>When the budget runs out at the current burn.</summary>
    [JsonPropertyName("timeToExhaustion")]
    public required SloExhaustion TimeToExhaustion { get; init; }

    /// <summary>The commit that spent the most budget in the period.</summary>
    [JsonPropertyName("worstCommit")]
    public SloWorstCommit? WorstCommit { get; init; }
}
