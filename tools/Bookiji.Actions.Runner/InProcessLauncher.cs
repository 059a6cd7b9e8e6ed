using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Runner;

/// <summary>
/// Runs an <see cref="IAction"/> in this process over the prepared environment, as its <c>Main</c> would,
/// without touching the process environment: many runs can go in parallel.
/// </summary>
public sealed class InProcessLauncher(
    IAction action,
    TimeProvider? timeProvider = null,
    Func<Guid>? newGuid = null) : IActionLauncher
{
    /// <inheritdoc />
    public async Task<(int ExitCode, string Log)> LaunchAsync(
        IReadOnlyDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        using var output = new StringWriter { NewLine = "\n" };
        var runtime = new ActionRuntime(
            new ActionEnvironment(environment),
            TextWriter.Synchronized(output),
            timeProvider ?? TimeProvider.System,
            newGuid ?? Guid.NewGuid);
        var exitCode = await ActionHost.RunAsync(action, runtime, cancellationToken);
        return (exitCode, output.ToString());
    }
}
