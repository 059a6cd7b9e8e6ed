using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata.GitHub;

/// <summary>A deployment status as GitHub returns it.</summary>
public sealed record GitHubDeploymentStatus
{
    /// <summary>The status id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>error, failure, inactive, in_progress, queued, pending or success.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>The environment's URL.</summary>
    [JsonPropertyName("environment_url")]
    public string? EnvironmentUrl { get; init; }
}
