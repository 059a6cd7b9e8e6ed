using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The commit whose runs spent the most error budget in the period.</summary>
public sealed record SloWorstCommit
{
    /// <summary>The commit.</summary>
    [JsonPropertyName("commitSha")]
    public required string CommitSha { get; init; }

    /// <summary>Its runs in the period.</summary>
    [JsonPropertyName("runs")]
    public required int Runs { get; init; }

    [JsonPropertyName("badEvents")]
    public required long BadEvents { get; init; }

    /// <summary>Share of the period's budget it spent.</summary>
    [JsonPropertyName("budgetConsumed")]
    public required double BudgetConsumed { get; init; }
}
