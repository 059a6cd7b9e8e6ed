using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.DeployMetadata.GitHub;
using Bookiji.Actions.DeployMetadata.Rollback;
using Bookiji.Actions.DeployMetadata.Vercel;

namespace Bookiji.Actions.DeployMetadata;

public sealed partial class DeployMetadataAction
{
    /// <summary>The newest deployments a rollback looks through.</summary>
    private const int RollbackHistory = 30;

    /// <summary>The most a rollback waits for GitHub's history in all.</summary>
    private static readonly TimeSpan RollbackDeadline = TimeSpan.FromMinutes(2);

    private static async Task RollbackAsync(ActionRuntime runtime, DeployRollbackInputs inputs, CancellationToken cancellationToken)
    {
        var (client, why) = GitHubBoundary.Connect(runtime, inputs, wanted: true);
        if (client is null)
        {
            RollbackReport.WriteOutputs(runtime, RollbackOutcome.None(why!));
            throw new ActionException($"Rollback reads the deployment history from GitHub's Deployments API, and {why}. Pass github-token with 'deployments: write'.")
            { Title = "rollback needs the Deployments API" };
        }

        using var _ = client;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(RollbackDeadline);
        RollbackPlan plan;
        runtime.Core.StartGroup($"Reading the deployment history of '{inputs.Environment}'");
        try
        {
            var deployments = await client.ListAsync(null, inputs.Environment, 1, deadline.Token);
            var history = new List<(GitHubDeployment, IReadOnlyList<GitHubDeploymentStatus>)>();
            foreach (var deployment in deployments.Take(RollbackHistory))
            {
                history.Add((deployment, await client.ListStatusesAsync(deployment.Id, deadline.Token)));
            }

            runtime.Core.Info($"{history.Count} deployment(s) read.");
            plan = DeploymentHistory.PlanRollback(history, inputs.ToSha);
        }
#pragma warning disable CA1031 // Upstreams fail in every way (refused, reset, garbage, wrong shape, hang): each becomes a named failure.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            RollbackReport.WriteOutputs(runtime, RollbackOutcome.None("the Deployments API failed"));
            throw new ActionException($"Could not read the deployment history: {ex.Message}", ex) { Title = "rollback: Deployments API failed" };
        }
        finally
        {
            runtime.Core.EndGroup();
        }

        var outcome = plan.Target is null
            ? RollbackOutcome.None(plan.Reason!)
            : inputs.Vercel is { } vercel
                ? await PromoteAsync(runtime, client, vercel, plan, cancellationToken)
                : RollbackOutcome.Instructions(plan, DeploymentHistory.RecordOf(plan.Target));
        await RollbackReport.WriteAsync(runtime, inputs, plan, outcome, cancellationToken);
        // Re-running a rollback that already happened is a no-op, not a failure.
        if (plan.Target is null && inputs.ToSha is not null && !string.Equals(plan.Current?.Sha, inputs.ToSha, StringComparison.OrdinalIgnoreCase))
        {
            throw new ActionException($"Nothing to roll back to: {plan.Reason}.") { Title = "rollback target not found" };
        }

        if (outcome.Error is { } error)
        {
            throw new ActionException(error) { Title = "rollback failed" };
        }
    }

    /// <summary>Promotes the target's Vercel deployment (no rebuild), then records the rollback as a deployment status.</summary>
    private static async Task<RollbackOutcome> PromoteAsync(ActionRuntime runtime, DeploymentsClient client, VercelTarget vercel, RollbackPlan plan, CancellationToken cancellationToken)
    {
        var target = plan.Target!;
        var record = DeploymentHistory.RecordOf(target);
        // Retry back-off waits in real time: the injected clock stamps records, it does not pace the network.
        using var api = new VercelClient(vercel.ApiUrl, vercel.Token, vercel.TeamId, TimeProvider.System);
        VercelDeployment? found = null;
        try
        {
            found = await api.FindProductionDeploymentAsync(vercel.ProjectId, target.Sha!, cancellationToken);
            if (found?.Uid is null)
            {
                return RollbackOutcome.Instructions(plan, record) with
                {
                    Error = $"Vercel has no READY production deployment of {target.Sha} among the newest {VercelClient.MaxPages * 100} of project {vercel.ProjectId}; nothing was promoted. Follow the printed steps.",
                };
            }

            await api.PromoteAsync(vercel.ProjectId, found.Uid, cancellationToken);
        }
#pragma warning disable CA1031 // Upstreams fail in every way (refused, reset, garbage, wrong shape, hang): each becomes a named failure.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return RollbackOutcome.Instructions(plan, record, found?.Uid) with { Error = $"Promoting through Vercel failed ({ex.Message}); nothing was changed. Follow the printed steps." };
        }

        // The rollback itself is part of the history: a success status on the target (GitHub then marks the
        // environment's other deployments inactive).
        var recorded = true;
        try
        {
            await client.CreateStatusAsync(target.Id, new NewGitHubDeploymentStatus
            {
                State = "success",
                EnvironmentUrl = record?.ProductionUrl ?? $"https://{found.Url}",
                LogUrl = runtime.GitHub.RunUrl,
                Description = $"Rolled back from {Short(plan.Current?.Sha)} (Vercel {found.Uid})",
            }, cancellationToken);
        }
#pragma warning disable CA1031 // Upstreams fail in every way (refused, reset, garbage, wrong shape, hang): each becomes a named failure.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            recorded = false;
            runtime.Core.Warning($"Vercel promoted {found.Uid}, but recording the rollback on GitHub failed: {ex.Message}");
        }

        return new RollbackOutcome(RollbackKind.Promoted, target.Sha, target.Id, found.Uid, found.Url, recorded, [], null);
    }

    private static string Short(string? sha) => sha is null ? "none" : sha[..Math.Min(7, sha.Length)];
}
