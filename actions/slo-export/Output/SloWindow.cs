using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The runs the window holds.</summary>
public sealed record SloWindow
{
    /// <summary>The window input.</summary>
    [JsonPropertyName("requestedRuns")]
    public required int RequestedRuns { get; init; }

    /// <summary>Runs in it (fewer when fewer exist).</summary>
    [JsonPropertyName("runs")]
    public required int Runs { get; init; }

    /// <summary>Its oldest run's timestamp.</summary>
    [JsonPropertyName("from")]
    public string? From { get; init; }

    /// <summary>Its newest run's timestamp.</summary>
    [JsonPropertyName("to")]
    public string? To { get; init; }
}
