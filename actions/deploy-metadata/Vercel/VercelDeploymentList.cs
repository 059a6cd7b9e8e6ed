using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata.Vercel;

/// <summary>The body of <c>GET /v6/deployments</c>.</summary>
public sealed record VercelDeploymentList
{
    /// <summary>The deployments, newest first.</summary>
    [JsonPropertyName("deployments")]
    public IReadOnlyList<VercelDeployment> Deployments { get; init; } = [];

    /// <summary>Where the next (older) page starts; absent or <c>next: null</c> on the last page.</summary>
    [JsonPropertyName("pagination")]
    public VercelPagination? Pagination { get; init; }
}
