namespace Bookiji.Actions.Runner;

/// <summary>Starts an action's code with an environment prepared by <see cref="LocalRunner"/>.</summary>
public interface IActionLauncher
{
    /// <summary>Runs the action with exactly <paramref name="environment"/>; returns the exit code and everything written to stdout/stderr.</summary>
    Task<(int ExitCode, string Log)> LaunchAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken);
}
