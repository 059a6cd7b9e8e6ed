using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata.Vercel;

/// <summary>The body of <c>GET /v6/deployments</c>.</summary>
public sealed record VercelDeploymentList
{
    /// <summary>The deployments, newest first.</summary>
    [JsonPropertyName("deployments")]
    public IReadOnlyList<VercelDeployment> Deployments { get; init; } = [];
}
