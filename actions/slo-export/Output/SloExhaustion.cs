using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>When the remaining budget runs out at the current (3-day) burn rate.</summary>
public sealed record SloExhaustion
{
    /// <summary>projected, exhausted, not_burning or insufficient_data.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The burn rate projected.</summary>
    [JsonPropertyName("basis")]
    public required string Basis { get; init; }

    /// <summary>Hours until the budget is spent at the current burn rate (0 when already spent); null when it is not being spent.</summary>
    [JsonPropertyName("hours")]
    public double? Hours { get; init; }

    /// <summary>When, ISO-8601 UTC.</summary>
    [JsonPropertyName("exhaustsAt")]
    public string? ExhaustsAt { get; init; }
}
