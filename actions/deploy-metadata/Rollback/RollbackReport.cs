using System.Globalization;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.DeployMetadata.GitHub;
using D = Bookiji.Actions.DeployMetadata.DeployMetadataDefinition;

namespace Bookiji.Actions.DeployMetadata.Rollback;

/// <summary>The one place rollback mode writes outputs, log lines and the step summary.</summary>
internal static class RollbackReport
{
    public static void WriteOutputs(ActionRuntime runtime, RollbackOutcome outcome)
    {
        var core = runtime.Core;
        core.SetOutput(D.RollbackOutput, outcome.Kind.ToString().ToLowerInvariant());
        core.SetOutput(D.RollbackShaOutput, outcome.Sha ?? string.Empty);
        core.SetOutput(D.DeploymentIdOutput, outcome.DeploymentId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
    }

    public static async Task WriteAsync(ActionRuntime runtime, DeployRollbackInputs inputs, RollbackPlan plan, RollbackOutcome outcome, CancellationToken cancellationToken)
    {
        WriteOutputs(runtime, outcome);
        var core = runtime.Core;
        var headline = outcome.Kind switch
        {
            RollbackKind.Promoted => $"Rolled back {inputs.Environment} to {outcome.Sha} (Vercel {outcome.VercelDeploymentId} promoted, no rebuild).",
            RollbackKind.Instructions => $"Roll back {inputs.Environment} to {outcome.Sha}: nothing was changed; follow these steps.",
            _ => $"Nothing to roll back in {inputs.Environment}: {outcome.Steps.FirstOrDefault()}.",
        };
        core.Info(headline);
        if (outcome.Kind == RollbackKind.Instructions)
        {
            foreach (var step in outcome.Steps)
            {
                core.Info("  - " + step);
            }
        }

        if (!runtime.Summary.IsAvailable)
        {
            return;
        }

        runtime.Summary.AddHeading(outcome.Kind == RollbackKind.Promoted ? "Rollback done" : "Rollback", 2)
            .AddRaw($"<p>{StepSummary.Escape(headline)}</p>", addEol: true)
            .AddTable(
            [
                [SummaryTableCell.Head("Environment"), SummaryTableCell.Head("Current"), SummaryTableCell.Head("Rolled back to")],
                [StepSummary.Escape(inputs.Environment), Code(plan.Current?.Sha), Code(outcome.Sha)],
            ]);
        if (outcome.Kind == RollbackKind.Instructions)
        {
            runtime.Summary.AddList([.. outcome.Steps.Select(StepSummary.Escape)], ordered: true);
        }

        await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
    }

    private static string Code(string? sha) => sha is null ? "<em>none</em>" : $"<code>{StepSummary.Escape(sha)}</code>";
}
