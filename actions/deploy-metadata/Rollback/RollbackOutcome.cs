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

    /// <summary>
    /// The exact steps to promote the target by hand: <c>vercel promote</c> names the target deployment itself (its
    /// Vercel id when known, else its recorded deployment URL), never the production alias, which points at what is
    /// serving now and would promote the very deployment being rolled back from.
    /// </summary>
    /// <param name="plan">The rollback with a target.</param>
    /// <param name="record">The target's deploy record, when it is one of ours.</param>
    /// <param name="vercelDeploymentId">The target's Vercel deployment id, when Vercel named it (e.g. <c>dpl_…</c>).</param>
    public static RollbackOutcome Instructions(RollbackPlan plan, DeployRecord? record, string? vercelDeploymentId = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var target = plan.Target!;
        var url = DeploymentUrl(record);
        // The id comes from Vercel's answer (upstream data): only a plain identifier is printed inside a command.
        var id = vercelDeploymentId is { Length: > 0 and <= 100 } v && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? v : null;
        var promote = id ?? url;
        string[] steps =
        [
            $"Open the Vercel dashboard → the project → Deployments, filter by commit {target.Sha}, open its production deployment and choose Promote (no rebuild).",
            promote is null
                ? $"Or with the CLI: `vercel ls -m githubCommitSha={target.Sha}` to find its deployment URL, then `vercel promote <that-deployment-url>`."
                : $"Or with the CLI: `vercel promote {promote}` (the deployment of {target.Sha}; `vercel ls -m githubCommitSha={target.Sha}` lists it).",
            "Or re-run this action with vercel-token and vercel-project-id to promote it through Vercel's API.",
        ];
        return new RollbackOutcome(RollbackKind.Instructions, target.Sha, target.Id, id, url, false, steps, null);
    }

    /// <summary>
    /// The target deployment's own URL: the record's preview URL (each Vercel deployment has one), unless it is on the
    /// production URL's host (then it is the alias too). The record comes back from GitHub (upstream data): only a
    /// well-formed URL without credentials or control characters reaches the log and the summary.
    /// </summary>
    private static string? DeploymentUrl(DeployRecord? record)
    {
        if (UserUrl.TryParse(record?.PreviewUrl) is not { } preview)
        {
            return null;
        }

        var production = UserUrl.TryParse(record?.ProductionUrl);
        return production is not null && string.Equals(production.Uri.Host, preview.Uri.Host, StringComparison.OrdinalIgnoreCase) ? null : preview.Redacted;
    }
}
