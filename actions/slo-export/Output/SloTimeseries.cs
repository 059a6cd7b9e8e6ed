using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>slo/slo-timeseries.json: the brief's fields first; runs oldest first.</summary>
public sealed record SloTimeseries
{
    /// <summary>When the export ran.</summary>
    [JsonPropertyName("timestamp")]
    public required string Timestamp { get; init; }

    /// <summary>One point per run of the window, oldest first.</summary>
    [JsonPropertyName("runs")]
    public required IReadOnlyList<SloRunPoint> Runs { get; init; }

    /// <summary>The window, e.g. 50 runs.</summary>
    [JsonPropertyName("period")]
    public required string Period { get; init; }

    /// <summary>The targets, for charting against.</summary>
    [JsonPropertyName("targets")]
    public required SloTargets Targets { get; init; }
}
