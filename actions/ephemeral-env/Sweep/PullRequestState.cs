using System.Text.Json.Serialization;

namespace Bookiji.Actions.EphemeralEnv.Sweep;

/// <summary>The one field the sweep reads from GitHub's "get a pull request" answer.</summary>
public sealed record PullRequestState
{
    /// <summary><c>open</c> or <c>closed</c>.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }
}
