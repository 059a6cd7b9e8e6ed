using System.Text;
using System.Text.Json;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>
/// Brief §5: writes <c>deploy-metadata/deploy-{sha}.json</c> so every deploy is traceable to its commit,
/// and never rewrites a recorded deploy.
/// </summary>
public sealed class DeployMetadataAction : IAction
{
    /// <inheritdoc />
    public string Name => Definition.Name;

    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => DeployMetadataDefinition.Definition;

    /// <inheritdoc />
    public async Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var inputs = DeployMetadataInputs.Parse(runtime);
        var path = Path.Combine(inputs.OutputDirectory, DeployRecordBuilder.FileName(inputs.Sha));
        var preview = await PreviewUrlSource.ResolveAsync(inputs, cancellationToken);
        if (preview.Warning is not null)
        {
            runtime.Core.Warning(preview.Warning);
        }

        var proposed = DeployRecordBuilder.Build(inputs, preview.Url, runtime.GitHub, runtime.Time.GetUtcNow());
        var decision = DeployRecordBuilder.Decide(proposed, await ReadExistingAsync(path, cancellationToken));
        if (decision.Kind == DeployDecisionKind.Create)
        {
            await WriteNewAsync(path, decision.Record, cancellationToken);
        }

        await DeployMetadataReport.WriteAsync(runtime, inputs, preview, decision, proposed, path, cancellationToken);
        if (decision.Kind == DeployDecisionKind.Conflict)
        {
            throw new ActionException(
                $"{path} already records a different deploy of {inputs.Sha} (previewUrl {decision.Record.PreviewUrl ?? "null"}, productionUrl {decision.Record.ProductionUrl ?? "null"}). " +
                "Deploy records are immutable: deploy a new commit, or remove the old record deliberately if it was wrong.")
            { Title = "deploy already recorded" };
        }
    }

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
        var json = JsonSerializer.Serialize(record, DeployMetadataJsonContext.Default.DeployRecord);
        var temporary = path + $".{Environment.ProcessId}.tmp";
        await OutputFile.WriteTextAsync(temporary, json, cancellationToken);
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
