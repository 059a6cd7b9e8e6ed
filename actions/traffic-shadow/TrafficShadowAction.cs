using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.TrafficShadow.Judge;
using Bookiji.Actions.TrafficShadow.Replay;
using Bookiji.Actions.TrafficShadow.Results;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>
/// Brief §3: replay a traffic sample at the canary (and the baseline), measure it honestly and judge it:
/// <c>traffic-shadow-results.json</c> and a verdict — promote, hold or rollback.
/// </summary>
public sealed partial class TrafficShadowAction : IAction
{
    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => TrafficShadowDefinition.Definition;

    /// <inheritdoc />
    public async Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var inputs = TrafficShadowInputs.Parse(runtime);
        var (result, context) = inputs switch
        {
            MergeModeInputs merge => await MergeAsync(runtime, merge, cancellationToken),
            ReplayModeInputs replay => await ReplayAsync(runtime, replay, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown inputs {inputs.GetType().Name}."),
        };
        var judgement = CanaryJudge.Judge(result, inputs.Judge);
        var results = ResultsBuilder.Build(result, judgement, context, runtime.Time.GetUtcNow());
        await TrafficShadowReport.WriteAsync(runtime, inputs.ResultsPath, results, inputs.PrComment, cancellationToken);
        if (judgement.Verdict == "rollback" && inputs.FailOnRollback)
        {
            runtime.Core.SetFailed($"Verdict rollback: {judgement.Reason}");
        }
    }

    private static void Warn(ActionRuntime runtime, IReadOnlyList<string> notes)
    {
        foreach (var note in notes.Take(20))
        {
            runtime.Core.Warning(note);
        }

        if (notes.Count > 20)
        {
            runtime.Core.Warning($"… and {notes.Count - 20} more (listed in the results file's notes).");
        }
    }

    private static (ReplayResult Result, RunContext Context) Pair(ReplayResult result, RunContext context) => (result, context);
}
