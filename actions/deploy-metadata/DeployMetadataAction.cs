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
    public string Name => "deploy-metadata";

    /// <inheritdoc />
    public async Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var inputs = DeployMetadataInputs.Parse(runtime);
        var path = Path.Combine(inputs.OutputDirectory, DeployRecordBuilder.FileName(inputs.Sha));
        var proposed = DeployRecordBuilder.Build(inputs, runtime.GitHub, runtime.Time.GetUtcNow());
        var decision = DeployRecordBuilder.Decide(proposed, await ReadExistingAsync(path, cancellationToken));
        if (decision.Kind == DeployDecisionKind.Create)
        {
            await WriteNewAsync(path, decision.Record, cancellationToken);
        }

        await DeployMetadataReport.WriteAsync(runtime, inputs, decision, proposed, path, cancellationToken);
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

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, DeployMetadataJsonContext.Default.DeployRecord, cancellationToken)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException ex)
        {
            throw new ActionException(
                $"{path} exists but is not a deploy record ({ex.Message}). It was left untouched; move it away to record this deploy.", ex)
            { Title = "unreadable deploy record" };
        }
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
