using System.Runtime.InteropServices;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Core.Hosting;

/// <summary>
/// The one top-level handler every action runs under: it turns failures into <c>::error</c> annotations
/// and applies the brief's non-blocking policy (exit 0 on the action's own failures unless the step sets
/// <c>fail-on-error: true</c>).
/// </summary>
public static class ActionHost
{
    /// <summary>The input every action accepts to make its own failures fail the step.</summary>
    public static readonly string FailOnErrorInput = Definition.CommonInputs.FailOnError.Name;

    /// <summary>Entry point for <c>Main</c>: runs over the real process and stops cleanly on SIGTERM/SIGINT.</summary>
    public static async Task<int> RunMainAsync(IAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var cancellation = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        var runtime = ActionRuntime.FromProcess();
        return await RunAsync(action, runtime, cancellation.Token);
    }

    /// <summary>Runs <paramref name="action"/> once and returns the process exit code.</summary>
    public static async Task<int> RunAsync(IAction action, ActionRuntime runtime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(runtime);
        var core = runtime.Core;
        var failOnError = ReadFailOnError(core, action.Definition.Name);
        var errors = new List<string>();
        try
        {
            if (runtime.GitHub.PayloadProblem is { } problem)
            {
                core.Warning(problem, new AnnotationProperties { Title = $"{action.Definition.Name}: event payload" });
            }

            await action.RunAsync(runtime, cancellationToken);
        }
        catch (InputException ex)
        {
            foreach (var error in ex.Errors)
            {
                errors.Add($"Invalid input '{error.Input}': {error.Message}");
                core.Error(error.Message, new AnnotationProperties { Title = $"{action.Definition.Name}: invalid input '{error.Input}'" });
            }
        }
        catch (ActionException ex)
        {
            errors.Add(ex.Message);
            core.Error(ex.Message, new AnnotationProperties { Title = $"{action.Definition.Name}: {ex.Title ?? "failed"}" });
            if (ex.InnerException is not null)
            {
                core.Debug(ex.InnerException.ToString());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.Add("The action was cancelled before it finished.");
            core.Error("The action was cancelled before it finished; outputs may be incomplete.", new AnnotationProperties { Title = $"{action.Definition.Name}: cancelled" });
        }
#pragma warning disable CA1031 // The host is the one place that must catch everything and report it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            errors.Add($"Unexpected {ex.GetType().Name}: {ex.Message}");
            core.Error(
                $"Unexpected {ex.GetType().Name}: {ex.Message}. This is a bug in Bookiji Actions; re-run with debug logging (RUNNER_DEBUG=1) for the stack trace and report it.",
                new AnnotationProperties { Title = $"{action.Definition.Name}: unexpected error" });
            core.Debug(ex.ToString());
        }

        if (errors.Count == 0)
        {
            return core.ExitCode;
        }

        await ReportFailureAsync(action, runtime, errors, !failOnError);
        if (failOnError)
        {
            return 1;
        }

        core.Info($"{action.Definition.Name}: the step continues (non-blocking); set '{FailOnErrorInput}: true' to fail it on errors.");
        return core.ExitCode;
    }

    /// <summary>Sets every decision output to its fail-closed value and writes the failure summary; a failure here is logged, never thrown.</summary>
    private static async Task ReportFailureAsync(IAction action, ActionRuntime runtime, IReadOnlyList<string> errors, bool continued)
    {
        var core = runtime.Core;
#pragma warning disable CA1031 // Reporting a failure must not fail in turn: the annotations are already out.
        try
        {
            foreach (var (output, value) in FailureReport.FailClosedOutputs(action.Definition))
            {
                core.SetOutput(output, value);
            }

            if (runtime.Summary.IsAvailable)
            {
                await runtime.Summary.AddRaw(FailureReport.SummaryMarkdown(action.Definition, errors, continued), addEol: true).WriteAsync();
            }
        }
        catch (Exception ex)
        {
            core.Warning($"Could not write the failure outputs or summary: {ex.Message}");
        }
#pragma warning restore CA1031
    }

    private static bool ReadFailOnError(ActionCore core, string actionName)
    {
        var text = core.GetInput(FailOnErrorInput);
        if (text.Length == 0)
        {
            return false;
        }

        if (Definition.FlagInput.Parse(text) is { } value)
        {
            return value;
        }

        // A typo here must not silently turn a gate off: treat it as a request to fail.
        core.Error(
            $"Input '{FailOnErrorInput}' must be {Definition.FlagInput.Spellings}; got '{text}'. Treating it as true.",
            new AnnotationProperties { Title = $"{actionName}: invalid input '{FailOnErrorInput}'" });
        return true;
    }
}
