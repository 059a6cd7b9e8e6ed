namespace Bookiji.Actions.DeployMetadata.GitHub;

/// <summary>What a rollback returns from and to.</summary>
/// <param name="Current">The deployment serving now, if any.</param>
/// <param name="Target">The deployment to return to; null when there is none (then <paramref name="Reason"/> says why).</param>
/// <param name="Reason">Why there is no target.</param>
public sealed record RollbackPlan(GitHubDeployment? Current, GitHubDeployment? Target, string? Reason);
