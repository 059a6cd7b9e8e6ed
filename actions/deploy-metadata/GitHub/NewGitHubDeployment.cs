using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata.GitHub;

/// <summary>
/// The body of <c>POST /repos/{owner}/{repo}/deployments</c>. <c>auto_merge: false</c> and an empty
/// <c>required_contexts</c> keep GitHub from merging the default branch in or refusing with 409 on pending checks:
/// the deploy already happened, this records it.
/// </summary>
public sealed record NewGitHubDeployment
{
    /// <summary>The full SHA.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    [JsonPropertyName("environment")]
    public required string Environment { get; init; }

    /// <summary>The deploy record.</summary>
    [JsonPropertyName("payload")]
    public required DeployRecord Payload { get; init; }

    /// <summary>A one-line description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Never merge.</summary>
    [JsonPropertyName("auto_merge")]
    public bool AutoMerge { get; init; }

    /// <summary>No status checks required: the deploy is recorded, not requested.</summary>
    [JsonPropertyName("required_contexts")]
    public IReadOnlyList<string> RequiredContexts { get; init; } = [];

    /// <summary>Preview environments go away.</summary>
    [JsonPropertyName("transient_environment")]
    public bool TransientEnvironment { get; init; }

    /// <summary>Production serves users.</summary>
    [JsonPropertyName("production_environment")]
    public bool ProductionEnvironment { get; init; }
}
