using System.Text;
using CliWrap;

namespace Bookiji.Actions.Runner;

/// <summary>Runs an action's built program as a child process with exactly the prepared environment (as <c>docker run -e</c>).</summary>
/// <param name="fileName">The program, e.g. the published <c>deploy-metadata</c> binary or <c>dotnet</c>.</param>
/// <param name="arguments">Its arguments, e.g. the path of the action's dll.</param>
public sealed class ProcessLauncher(string fileName, params string[] arguments) : IActionLauncher
{
    /// <inheritdoc />
    public async Task<(int ExitCode, string Log)> LaunchAsync(
        IReadOnlyDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        var log = new StringBuilder();
        // Start from an empty environment, as a container does: only what the runner passes is there
        // (plus PATH and DOTNET_ROOT so a framework-dependent build can find its runtime).
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = null;
        }

        variables["PATH"] = Environment.GetEnvironmentVariable("PATH");
        variables["DOTNET_ROOT"] = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        var result = await Cli.Wrap(fileName)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(variables)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => { lock (log) { log.Append(line).Append('\n'); } }))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => { lock (log) { log.Append(line).Append('\n'); } }))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(cancellationToken);
        return (result.ExitCode, log.ToString());
    }
}
