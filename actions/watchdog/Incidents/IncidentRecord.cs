using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>The incident as <c>watchdog-result.json</c> records it.</summary>
public sealed record IncidentRecord
{
    /// <summary><c>none</c>, <c>opened</c>, <c>commented</c>, <c>updated</c>, <c>closed</c>, <c>would-open</c> (dry-run) or <c>failed</c>.</summary>
    [JsonPropertyName("action")]
    public required string Action { get; init; }

    /// <summary>The open incident after this run (or the one closed by it).</summary>
    [JsonPropertyName("number")]
    public int? Number { get; init; }

    /// <summary>Its web URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>A duplicate this run closed (its own, when another run opened one first).</summary>
    [JsonPropertyName("closedDuplicates")]
    public IReadOnlyList<int>? ClosedDuplicates { get; init; }

    /// <summary>Why the GitHub side did not complete.</summary>
    [JsonPropertyName("problem")]
    public string? Problem { get; init; }
}
