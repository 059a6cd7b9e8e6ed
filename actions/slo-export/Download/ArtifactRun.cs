using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Download;

/// <summary>The workflow run that uploaded an artifact.</summary>
public sealed record ArtifactRun
{
    /// <summary>The run id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The commit it ran on.</summary>
    [JsonPropertyName("head_sha")]
    public string? HeadSha { get; init; }

    /// <summary>The repository the run belongs to.</summary>
    [JsonPropertyName("repository_id")]
    public long? RepositoryId { get; init; }

    /// <summary>The repository its code came from: another id than <see cref="RepositoryId"/> means a fork's pull request.</summary>
    [JsonPropertyName("head_repository_id")]
    public long? HeadRepositoryId { get; init; }

    /// <summary>The branch it ran on (a fork's branch name is the fork's choice: only trusted with the repository check).</summary>
    [JsonPropertyName("head_branch")]
    public string? HeadBranch { get; init; }
}
