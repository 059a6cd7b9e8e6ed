using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Evaluate;
using Bookiji.Actions.PredictTests.Planning;
using Bookiji.Actions.PredictTests.Report;
using D = Bookiji.Actions.PredictTests.PredictTestsDefinition;

namespace Bookiji.Actions.PredictTests;

/// <summary>
/// Brief §1: choose the tests and shard count for a change — rules, the test map, the static import graph and an
/// optional model — and write <c>ci-plan.json</c>. Anything uncertain runs more tests, never fewer, and whatever
/// fails, a run-all plan is left behind: the workflow consuming <c>shard-matrix</c> must never lose its plan.
/// </summary>
public sealed partial class PredictTestsAction : IAction
{
    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => PredictTestsDefinition.Definition;

    /// <inheritdoc />
    public async Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var progress = new PlanProgress();
        try
        {
            var inputs = PredictTestsInputs.Parse(runtime);
            if (inputs is EvaluateModeInputs evaluate)
            {
                progress.Evaluating = true;
                var impact = await ReadEvaluationImpactAsync(runtime, evaluate, cancellationToken);
                var report = await runtime.Core.Group("Replaying history", () =>
                    Evaluator.EvaluateAsync(new GitRepository(evaluate.RepositoryPath), evaluate.Rules, evaluate.Rules.TestMapPath, evaluate.Commits, cancellationToken, impact));
                await EvaluationReport.WriteAsync(runtime, evaluate, report, cancellationToken);
                return;
            }

            if (inputs is LearnModeInputs learn)
            {
                progress.Evaluating = true; // no plan to fall back to: learn mode decides nothing CI runs
                await LearnAsync(runtime, learn, cancellationToken);
                return;
            }

            await PlanAsync(runtime, (PlanModeInputs)inputs, progress, cancellationToken);
        }
        catch (Exception ex) when (!progress.Evaluating && !progress.Reported && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            await WriteFallbackAsync(runtime, progress, ex, cancellationToken);
            throw;
        }
    }

    /// <summary>Evaluate mode's impact data, when the file exists; a file that is there but unusable is said, and the replay goes on without it.</summary>
    private static async Task<Impact.ImpactIndex?> ReadEvaluationImpactAsync(ActionRuntime runtime, EvaluateModeInputs inputs, CancellationToken cancellationToken)
    {
        if (inputs.ImpactDataPath is null)
        {
            return null;
        }

        var (data, problem, missing) = await Impact.ImpactDataFile.ReadAsync(inputs.ImpactDataPath, cancellationToken);
        if (data is null && !missing)
        {
            runtime.Core.Warning($"Impact data not used: {problem}.");
        }

        return data is null ? null : new Impact.ImpactIndex(data);
    }

    /// <summary>
    /// The last line of defence: a run-all plan (file and every output) naming the failure, written before the
    /// host reports the error. It reads only what it can read safely and never throws over the original error.
    /// </summary>
    private static async Task WriteFallbackAsync(ActionRuntime runtime, PlanProgress progress, Exception failure, CancellationToken cancellationToken)
    {
        var reader = new InputReader(runtime.Core);
        if (reader.Read(D.Mode) is PredictTestsMode.Evaluate or PredictTestsMode.Learn)
        {
            return;
        }

        // Masked: an input error may quote a value, and ci-plan.json is not masked by the runner.
        var reason = runtime.Core.Masker.Apply(failure switch
        {
            InputException input => "Invalid inputs: " + string.Join(" ", input.Errors.Select(e => e.Message)),
            ActionException action => action.Message,
            _ => $"Unexpected {failure.GetType().Name}: {failure.Message}",
        } + " Running every test.");
        var plan = TestPlanner.Fallback(progress.AllTests ?? new HashSet<string>(), reader.Read(D.MaxShards), reason);
        var report = new PlanReport(plan, new ChangeSet([], "not collected (the action failed)", false, []), reader.Read(D.AllTestsGlob) ?? string.Empty, reader.Read(D.PlanFile))
        {
            Failure = reason,
            Basis = "nothing: the action failed before planning",
        };
        try
        {
            await PredictTestsReport.WriteAsync(runtime, report, cancellationToken);
        }
#pragma warning disable CA1031 // The original failure is what the host must report; this one is only logged.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            runtime.Core.Warning($"The run-all fallback plan could not be written in full ({ex.GetType().Name}: {ex.Message}).");
        }
    }
}
