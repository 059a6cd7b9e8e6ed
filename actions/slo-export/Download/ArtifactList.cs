using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Download;

/// <summary>GET /repos/{owner}/{repo}/actions/artifacts: one page, newest first.</summary>
public sealed record ArtifactList
{
    /// <summary>Artifacts matching the query in all pages.</summary>
    [JsonPropertyName("total_count")]
    public long? TotalCount { get; init; }

    /// <summary>This page's artifacts.</summary>
    [JsonPropertyName("artifacts")]
    public IReadOnlyList<Artifact>? Artifacts { get; init; }
}
