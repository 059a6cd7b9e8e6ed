using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata.GitHub;

/// <summary>The body of <c>POST /repos/{owner}/{repo}/deployments/{id}/statuses</c>.</summary>
public sealed record NewGitHubDeploymentStatus
{
    /// <summary>The state, e.g. <c>success</c>.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>Where the deployment is served.</summary>
    [JsonPropertyName("environment_url")]
    public string? EnvironmentUrl { get; init; }

    /// <summary>The workflow run.</summary>
    [JsonPropertyName("log_url")]
    public string? LogUrl { get; init; }

    /// <summary>
    /// Whether GitHub marks the environment's other deployments inactive (its default, true); preview deployments of
    /// different pull requests share one environment and must not retire each other.
    /// </summary>
    [JsonPropertyName("auto_inactive")]
    public bool? AutoInactive { get; init; }

    /// <summary>A one-line description (GitHub keeps 140 characters).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
