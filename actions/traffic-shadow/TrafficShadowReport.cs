using System.Globalization;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Core.PullRequests;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.TrafficShadow.Results;
using D = Bookiji.Actions.TrafficShadow.TrafficShadowDefinition;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>The one place this action writes the results file, outputs, the verdict line and the step summary.</summary>
internal static class TrafficShadowReport
{
    public static async Task WriteAsync(ActionRuntime runtime, string resultsPath, TrafficShadowResults results, (bool Enabled, string? Token) prComment, CancellationToken cancellationToken)
    {
        await JsonFile.WriteAsync(resultsPath, results, TrafficShadowJsonContext.Default.TrafficShadowResults, cancellationToken);
        var core = runtime.Core;
        core.SetOutput(D.ResultsPathOutput, runtime.RelativeToWorkspace(resultsPath));
        core.SetOutput(D.P95LatencyOutput, results.Summary.P95Latency);
        core.SetOutput(D.ErrorRateOutput, results.Summary.ErrorRate);
        core.SetOutput(D.VerdictOutput, results.Verdict);
        core.SetOutput(D.ScoreOutput, results.Score is { } s ? s.ToString(CultureInfo.InvariantCulture) : string.Empty);
        core.Info($"Verdict {results.Verdict}: {results.Reason}");
        if (runtime.Summary.IsAvailable)
        {
            TrafficShadowSummary.Write(runtime.Summary, results);
            await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
        }

        await PrCommentPublisher.PublishAsync(runtime, prComment.Enabled, prComment.Token, D.Definition.Name,
            $"**Canary verdict: {results.Verdict}**" + (results.Score is { } score ? $" (score {score.ToString(CultureInfo.InvariantCulture)})" : string.Empty) +
            $" — {InertText.Code(results.Reason, 2000)}  \np95 {results.Summary.P95Latency} ms, error rate {results.Summary.ErrorRate.ToString(CultureInfo.InvariantCulture)} %, {results.TotalRequests} requests.\n\n```mermaid\n{TrafficShadowSummary.Chart(results)}```",
            cancellationToken);
    }
}
