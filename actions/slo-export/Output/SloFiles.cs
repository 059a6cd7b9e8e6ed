using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The other files of the export, relative to the workspace.</summary>
public sealed record SloFiles
{
    /// <summary>slo-timeseries.json.</summary>
    [JsonPropertyName("timeseries")]
    public required string Timeseries { get; init; }

    /// <summary>slo-rows.json (flat rows for Grafana Infinity).</summary>
    [JsonPropertyName("rows")]
    public required string Rows { get; init; }

    /// <summary>grafana-dashboard.json.</summary>
    [JsonPropertyName("dashboard")]
    public required string Dashboard { get; init; }

    /// <summary>slo-chart.svg.</summary>
    [JsonPropertyName("chart")]
    public required string Chart { get; init; }

    /// <summary>openslo.yaml, when asked for.</summary>
    [JsonPropertyName("openslo")]
    public string? OpenSlo { get; init; }
}
