using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>One multi-window burn-rate alert: fires when both windows burn faster than k (E &gt; k·B in both).</summary>
public sealed record SloAlert
{
    /// <summary>page or ticket.</summary>
    [JsonPropertyName("tier")]
    public required string Tier { get; init; }

    [JsonPropertyName("longWindow")]
    public required string LongWindow { get; init; }

    [JsonPropertyName("shortWindow")]
    public required string ShortWindow { get; init; }

    /// <summary>Share of the period's budget the long window may spend before it fires.</summary>
    [JsonPropertyName("budgetShare")]
    public required double BudgetShare { get; init; }

    /// <summary>k = budgetShare × period / long window.</summary>
    [JsonPropertyName("threshold")]
    public required double Threshold { get; init; }

    /// <summary>BR over the long window.</summary>
    [JsonPropertyName("longBurnRate")]
    public double? LongBurnRate { get; init; }

    /// <summary>BR over the short window.</summary>
    [JsonPropertyName("shortBurnRate")]
    public double? ShortBurnRate { get; init; }

    /// <summary>ok, firing, cannot_fire (k·B ≥ 1) or insufficient_data.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Why, when not ok.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
