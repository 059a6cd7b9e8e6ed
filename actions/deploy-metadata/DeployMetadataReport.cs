using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Core.PullRequests;
using Bookiji.Actions.Core.Summary;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>The one place this action writes outputs, log lines and the step summary.</summary>
internal static class DeployMetadataReport
{
    public static async Task WriteAsync(
        ActionRuntime runtime,
        DeployRecordInputs inputs,
        PreviewUrlSource preview,
        DeployDecision decision,
        DeployRecord proposed,
        string path,
        long? deploymentId,
        string? fileOnlyWhy,
        CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var relative = runtime.RelativeToWorkspace(path);
        core.SetOutput(DeployMetadataDefinition.PathOutput, relative);
        core.SetOutput(DeployMetadataDefinition.ShaOutput, inputs.Sha);
        core.SetOutput(DeployMetadataDefinition.CreatedAtOutput, decision.Record.CreatedAt);
        core.SetOutput(DeployMetadataDefinition.CreatedOutput, decision.Kind == DeployDecisionKind.Create);
        core.SetOutput(DeployMetadataDefinition.DeploymentIdOutput, deploymentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);

        var verb = decision.Kind switch
        {
            DeployDecisionKind.Create => "Recorded",
            DeployDecisionKind.KeepExisting => "Already recorded (kept unchanged)",
            _ => "Conflict: a different deploy is recorded",
        };
        core.Info($"{verb}: {relative}");
        var stands = decision.Record;
        await PrCommentPublisher.PublishAsync(runtime, inputs.PrComment, inputs.GitHubToken, DeployMetadataDefinition.Definition.Name,
            $"**Deploy** `{stands.Sha[..12]}` {(decision.Kind == DeployDecisionKind.Conflict ? "— conflicts with an earlier record (not changed)" : "recorded")}" +
            // The record that stands may come back from GitHub's deployments (upstream text): quoted inertly.
            $" · preview {(stands.PreviewUrl is { } previewUrl ? InertText.Code(previewUrl) : "none")} · production {(stands.ProductionUrl is { } productionUrl ? InertText.Code(productionUrl) : "none")} · {InertText.Code(stands.CreatedAt)}" +
            // A deployment id is not an issue number: "#id" would link whichever issue or PR has that number.
            (deploymentId is { } deployment ? $" · GitHub deployment id {deployment} ({inputs.Environment})" : string.Empty),
            cancellationToken);

        if (!runtime.Summary.IsAvailable)
        {
            return;
        }

        var record = decision.Record;
        runtime.Summary
            .AddHeading("Deploy metadata", 2)
            .AddRaw($"<p>{StepSummary.Escape(verb)}: <code>{StepSummary.Escape(relative)}</code></p>", addEol: true)
            .AddTable(
            [
                [SummaryTableCell.Head("Field"), SummaryTableCell.Head("Value")],
                ["sha", $"<code>{StepSummary.Escape(record.Sha)}</code>"],
                ["previewUrl", Link(record.PreviewUrl) + (decision.Kind == DeployDecisionKind.Create ? $" <sub>({StepSummary.Escape(preview.Source)})</sub>" : string.Empty)],
                ["productionUrl", Link(record.ProductionUrl)],
                ["createdAt", StepSummary.Escape(record.CreatedAt)],
                ["run", Link(proposed.RunUrl)],
                ["GitHub deployment", deploymentId is { } id
                    ? $"id {id} in <code>{StepSummary.Escape(inputs.Environment)}</code>"
                    : $"<em>none</em> <sub>({StepSummary.Escape(fileOnlyWhy ?? "not recorded")}; the record is the file only)</sub>"],
            ]);
        if (decision.Kind == DeployDecisionKind.Conflict)
        {
            runtime.Summary.AddQuote(StepSummary.Escape(
                $"This run proposed previewUrl {proposed.PreviewUrl ?? "null"} and productionUrl {proposed.ProductionUrl ?? "null"}; the record was not changed."));
        }

        runtime.Summary.AddRaw($"<p>To roll back, promote the deployment recorded for an earlier SHA (see <a href=\"{ProjectLinks.Doc("IMMUTABLE_DEPLOYS.md")}\">Immutable deploys</a>).</p>", addEol: true);
        await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
    }

    private static string Link(string? url) =>
        url is null ? "<em>none</em>" : $"<a href=\"{StepSummary.Escape(url)}\">{StepSummary.Escape(url)}</a>";
}
