using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Download;

/// <summary>The part of <c>GET /repos/{owner}/{repo}</c> this action reads.</summary>
public sealed record RepositoryInfo
{
    /// <summary>The default branch, e.g. <c>main</c>.</summary>
    [JsonPropertyName("default_branch")]
    public string? DefaultBranch { get; init; }
}
