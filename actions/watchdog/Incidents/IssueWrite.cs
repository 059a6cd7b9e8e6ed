using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>The body of a create or update issue request; unset fields are not sent.</summary>
public sealed record IssueWrite
{
    /// <summary>The title (create).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The markdown body.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>The labels (create).</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>closed to close it.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>completed or not_planned, with <see cref="State"/> closed.</summary>
    [JsonPropertyName("state_reason")]
    public string? StateReason { get; init; }
}
