using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Watchdog.State;

/// <summary>The state file at <c>state-path</c>: a missing file is a first run, a damaged or unwritable one a warning.</summary>
internal static class StateFile
{
    private const long MaxStateBytes = 64 * 1024;

    public static async Task<WatchdogState?> ReadAsync(RunContext run, CancellationToken cancellationToken)
    {
        var file = await JsonFile.ReadAsync(run.Inputs.StatePath, WatchdogJsonContext.Default.WatchdogState, MaxStateBytes, cancellationToken);
        if (file.Missing)
        {
            return null;
        }

        if (file.Value is null)
        {
            run.Warn($"{file.Message} The streaks start afresh (an open incident's marker still carries them).");
        }

        return file.Value;
    }

    public static async Task WriteAsync(RunContext run, WatchdogState state, CancellationToken cancellationToken)
    {
        try
        {
            await JsonFile.WriteAsync(run.Inputs.StatePath, state, WatchdogJsonContext.Default.WatchdogState, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            run.Warn($"The state file {run.Runtime.RelativeToWorkspace(run.Inputs.StatePath)} could not be written ({ex.Message}); the next run starts from the incident marker.");
        }
    }
}
