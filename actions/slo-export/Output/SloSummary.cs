using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>slo/slo-summary.json: the brief's fields first, in the brief's order; extras after.</summary>
public sealed record SloSummary
{
    /// <summary>When the export ran, ISO-8601 UTC.</summary>
    [JsonPropertyName("timestamp")]
    public required string Timestamp { get; init; }

    /// <summary>The window, e.g. <c>50 runs</c>.</summary>
    [JsonPropertyName("period")]
    public required string Period { get; init; }

    [JsonPropertyName("targets")]
    public required SloTargets Targets { get; init; }

    /// <summary>The figures over the window (null: insufficient data).</summary>
    [JsonPropertyName("metrics")]
    public required SloMetrics Metrics { get; init; }

    /// <summary>Compliance per target and overall (null: insufficient data).</summary>
    [JsonPropertyName("compliance")]
    public required SloCompliance Compliance { get; init; }

    /// <summary>ok, breach or insufficient_data.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The runs the window holds.</summary>
    [JsonPropertyName("window")]
    public required SloWindow Window { get; init; }

    /// <summary>How many samples each figure rests on.</summary>
    [JsonPropertyName("samples")]
    public required SloSamples Samples { get; init; }

    /// <summary>Error budget, burn rates and alerts per objective.</summary>
    [JsonPropertyName("objectives")]
    public required IReadOnlyList<SloObjective> Objectives { get; init; }

    /// <summary>What was read, and what was wrong with it.</summary>
    [JsonPropertyName("dataQuality")]
    public required SloDataQuality DataQuality { get; init; }

    /// <summary>The other files written, relative to the workspace.</summary>
    [JsonPropertyName("files")]
    public SloFiles? Files { get; init; }
}
