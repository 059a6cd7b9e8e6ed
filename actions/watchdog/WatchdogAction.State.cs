using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog;

public sealed partial class WatchdogAction
{
    private const long MaxStateBytes = 64 * 1024;

    /// <summary>The previous run's state; a missing file is a first run, a damaged one a warning and a first run.</summary>
    private static async Task<WatchdogState?> ReadStateAsync(RunContext run, CancellationToken cancellationToken)
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

    private static async Task WriteStateAsync(RunContext run, WatchdogState state, CancellationToken cancellationToken)
    {
        try
        {
            await JsonFile.WriteAsync(run.Inputs.StatePath, state, WatchdogJsonContext.Default.WatchdogState, cancellationToken);
        }
        catch (IOException ex)
        {
            run.Warn($"The state file {run.Runtime.RelativeToWorkspace(run.Inputs.StatePath)} could not be written ({ex.Message}); the next run starts from the incident marker.");
        }
        catch (UnauthorizedAccessException ex)
        {
            run.Warn($"The state file {run.Runtime.RelativeToWorkspace(run.Inputs.StatePath)} could not be written ({ex.Message}); the next run starts from the incident marker.");
        }
    }
}
