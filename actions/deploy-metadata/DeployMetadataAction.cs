using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.DeployMetadata.GitHub;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>
/// Brief §5: writes <c>deploy-metadata/deploy-{sha}.json</c> and records the deploy as a GitHub Deployment so every
/// deploy is traceable to its commit across runs, never rewrites a recorded deploy, and rolls back by promoting the
/// last good deployment.
/// </summary>
public sealed partial class DeployMetadataAction : IAction
{
    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => DeployMetadataDefinition.Definition;

    /// <inheritdoc />
    public Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return DeployMetadataInputs.Parse(runtime) switch
        {
            DeployRollbackInputs rollback => RollbackAsync(runtime, rollback, cancellationToken),
            DeployRecordInputs record => RecordAsync(runtime, record, cancellationToken),
            _ => throw new InvalidOperationException("unknown mode"),
        };
    }

    private static async Task RecordAsync(ActionRuntime runtime, DeployRecordInputs inputs, CancellationToken cancellationToken)
    {
        var path = Path.Combine(inputs.OutputDirectory, DeployRecordBuilder.FileName(inputs.Sha));
        var preview = await PreviewUrlSource.ResolveAsync(inputs, cancellationToken);
        if (preview.Warning is not null)
        {
            runtime.Core.Warning(preview.Warning);
        }

        var proposed = DeployRecordBuilder.Build(inputs, preview.Url, runtime.GitHub, runtime.Time.GetUtcNow());
        var fileRecord = await ReadExistingAsync(path, cancellationToken);

        var (client, fileOnlyWhy) = GitHubBoundary.Connect(runtime, inputs, inputs.RecordDeployment);
        using var _ = client;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(GitHubBoundary.Deadline);
        (GitHubDeployment Deployment, DeployRecord Record)? remote = null;
        if (client is not null)
        {
            var (ok, found) = await GitHubBoundary.TryAsync(runtime, "reading earlier deployments", deadline, async ct =>
                DeploymentHistory.FirstRecorded(await client.ListAsync(inputs.Sha, inputs.Environment, 3, ct), inputs.Sha), cancellationToken);
            remote = found;
            fileOnlyWhy = ok ? null : "the Deployments API failed";
        }

        var decision = DeployRecordBuilder.Decide(proposed, fileRecord, remote?.Record);
        if (client is not null && remote is { } earlier && decision.Kind == DeployDecisionKind.KeepExisting)
        {
            // A run that created the deployment but died before its status leaves it without "success": rollback
            // would skip it. Repair it, once.
            await GitHubBoundary.TryAsync(runtime, "repairing the deployment's status", deadline, async ct =>
            {
                var statuses = await client.ListStatusesAsync(earlier.Deployment.Id, ct);
                if (!statuses.Any(s => s.State == "success"))
                {
                    await client.CreateStatusAsync(earlier.Deployment.Id, SuccessStatus(earlier.Record, inputs.Environment == "production"), ct);
                }

                return true;
            }, cancellationToken);
        }
        if (decision.Kind != DeployDecisionKind.Conflict && fileRecord is null)
        {
            await WriteNewAsync(path, decision.Record, cancellationToken);
        }

        long? deploymentId = remote?.Deployment.Id;
        if (client is not null && fileOnlyWhy is null && remote is null && decision.Kind == DeployDecisionKind.Create)
        {
            var (_, created) = await GitHubBoundary.TryAsync(runtime, "recording the deployment", deadline, ct => RecordOnGitHubAsync(client, inputs, decision.Record, ct), cancellationToken);
            deploymentId = created?.Id;
            fileOnlyWhy = created is null ? "the Deployments API failed" : null;
        }

        await DeployMetadataReport.WriteAsync(runtime, inputs, preview, decision, proposed, path, deploymentId, fileOnlyWhy, cancellationToken);
        if (decision.Kind == DeployDecisionKind.Conflict)
        {
            throw new ActionException(
                $"{(decision.ConflictWith == DeployRecordSource.GitHub ? $"GitHub deployment #{remote?.Deployment.Id} ({inputs.Environment})" : path)} already records a different deploy of {inputs.Sha} " +
                $"(previewUrl {decision.Record.PreviewUrl ?? "null"}, productionUrl {decision.Record.ProductionUrl ?? "null"}). " +
                "Deploy records are immutable: deploy a new commit, or remove the old record deliberately if it was wrong.")
            { Title = "deploy already recorded" };
        }
    }

    private static async Task<GitHubDeployment> RecordOnGitHubAsync(DeploymentsClient client, DeployRecordInputs inputs, DeployRecord record, CancellationToken cancellationToken)
    {
        var production = inputs.Environment == "production";
        var deployment = await client.CreateAsync(new NewGitHubDeployment
        {
            Ref = record.Sha,
            Environment = inputs.Environment,
            Payload = record,
            Description = $"bookiji deploy-metadata: {record.Sha[..7]}",
            TransientEnvironment = !production && record.PullRequest is not null,
            ProductionEnvironment = production,
        }, cancellationToken);
        await client.CreateStatusAsync(deployment.Id, SuccessStatus(record, production), cancellationToken);
        return deployment;
    }

    private static NewGitHubDeploymentStatus SuccessStatus(DeployRecord record, bool production) => new()
    {
        State = "success",
        EnvironmentUrl = production ? record.ProductionUrl ?? record.PreviewUrl : record.PreviewUrl ?? record.ProductionUrl,
        LogUrl = record.RunUrl,
        Description = "Recorded by deploy-metadata",
        AutoInactive = production ? null : false,
    };

    private static async Task<DeployRecord?> ReadExistingAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var file = await JsonFile.ReadAsync(path, DeployMetadataJsonContext.Default.DeployRecord, 1024 * 1024, cancellationToken);
        return file.Value ?? throw new ActionException(
            $"{file.Message} It is not a deploy record and was left untouched; move it away to record this deploy.")
        { Title = "unreadable deploy record" };
    }

    /// <summary>Writes via a temporary file and an atomic rename that refuses to replace a file another run wrote meanwhile.</summary>
    private static async Task WriteNewAsync(string path, DeployRecord record, CancellationToken cancellationToken)
    {
        var temporary = path + $".{Environment.ProcessId}.tmp";
        await JsonFile.WriteAsync(temporary, record, DeployMetadataJsonContext.Default.DeployRecord, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            throw new ActionException($"{path} was written by another run at the same time; re-run to compare it with this deploy.")
            { Title = "concurrent deploy record" };
        }
    }
}
