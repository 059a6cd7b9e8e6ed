using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata.GitHub;

/// <summary>A deployment as GitHub's REST API returns it (the fields this action reads).</summary>
public sealed record GitHubDeployment
{
    /// <summary>The deployment id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>The commit SHA.</summary>
    [JsonPropertyName("sha")]
    public string? Sha { get; init; }

    [JsonPropertyName("environment")]
    public string? Environment { get; init; }

    /// <summary>The payload: the deploy record this action stored (an object, or a JSON string from other tools).</summary>
    [JsonPropertyName("payload")]
    public JsonElement Payload { get; init; }

    /// <summary>When it was created (ISO-8601).</summary>
    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }
}
