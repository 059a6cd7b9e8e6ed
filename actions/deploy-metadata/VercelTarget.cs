namespace Bookiji.Actions.DeployMetadata;

/// <summary>The Vercel project a rollback promotes in.</summary>
/// <param name="ApiUrl">The API base URL.</param>
/// <param name="Token">The bearer token (masked).</param>
/// <param name="ProjectId">The project id or name.</param>
/// <param name="TeamId">The team id, for team projects.</param>
public sealed record VercelTarget(Uri ApiUrl, string Token, string ProjectId, string? TeamId);
