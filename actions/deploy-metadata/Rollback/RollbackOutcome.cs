using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.DeployMetadata.GitHub;

namespace Bookiji.Actions.DeployMetadata.Rollback;

/// <summary>The result of a rollback run.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Sha">The SHA rolled back to (or to roll back to).</param>
/// <param name="DeploymentId">The target's GitHub deployment id.</param>
/// <param name="VercelDeploymentId">The Vercel deployment promoted.</param>
/// <param name="VercelUrl">That deployment's own URL.</param>
/// <param name="Recorded">Whether the rollback was recorded as a deployment status.</param>
/// <param name="Steps">The steps to follow by hand (instructions).</param>
/// <param name="Error">Why the rollback failed, when it did.</param>
public sealed record RollbackOutcome(
    RollbackKind Kind,
    string? Sha,
    long? DeploymentId,
    string? VercelDeploymentId,
    string? VercelUrl,
    bool Recorded,
    IReadOnlyList<string> Steps,
    string? Error)
{
    /// <summary>Nothing to roll back to, and why.</summary>
    public static RollbackOutcome None(string reason) => new(RollbackKind.None, null, null, null, null, false, [reason], null);

    /// <summary>The exact steps to promote the target by hand.</summary>
    public static RollbackOutcome Instructions(RollbackPlan plan, DeployRecord? record)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var target = plan.Target!;
        // The record comes back from GitHub (upstream data): only a well-formed URL without credentials or control
        // characters reaches the log and the summary.
        var url = UserUrl.TryParse(record?.PreviewUrl ?? record?.ProductionUrl)?.Redacted;
        string[] steps =
        [
            $"Open the Vercel dashboard → the project → Deployments, filter by commit {target.Sha}, open its production deployment and choose Promote (no rebuild).",
            url is null
                ? $"Or with the CLI: `vercel ls -m githubCommitSha={target.Sha}` to find its URL, then `vercel promote <that-url>`."
                : $"Or with the CLI: `vercel promote {url}` (the deployment recorded for {target.Sha}; `vercel ls -m githubCommitSha={target.Sha}` lists it).",
            "Or re-run this action with vercel-token and vercel-project-id to promote it through Vercel's API.",
        ];
        return new RollbackOutcome(RollbackKind.Instructions, target.Sha, target.Id, null, url, false, steps, null);
    }
}
