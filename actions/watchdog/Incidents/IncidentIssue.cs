using System.Text.Json.Serialization;
using Bookiji.Actions.Core.PullRequests;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>An issue as GitHub's REST API returns it (the fields the watchdog reads).</summary>
public sealed record IncidentIssue
{
    /// <summary>The issue number.</summary>
    [JsonPropertyName("number")]
    public int Number { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The body (markdown), holding the hidden state marker.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>open or closed.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>The issue's page.</summary>
    [JsonPropertyName("html_url")]
    public string? HtmlUrl { get; init; }

    [JsonPropertyName("labels")]
    public IReadOnlyList<IncidentLabel>? Labels { get; init; }

    /// <summary>Present when the item is a pull request (the issues API lists both).</summary>
    [JsonPropertyName("pull_request")]
    public System.Text.Json.Nodes.JsonObject? PullRequest { get; init; }

    /// <summary>Who opened it.</summary>
    [JsonPropertyName("user")]
    public CommentAuthor? User { get; init; }
}
