using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>
/// Writes the descriptor to <c>&lt;descriptor-dir&gt;/&lt;app-env&gt;.json</c> and the app's <c>descriptor-file</c>.
/// Each path is confined to the workspace again when written: a file committed as a symbolic link leading out
/// of it is never written through.
/// </summary>
internal static class DescriptorFiles
{
    public static async Task<DescriptorPaths> WriteAsync(ActionRuntime runtime, CreateInputs inputs, EnvironmentDescriptor descriptor, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var archive = await WriteOneAsync(runtime, Path.Combine(inputs.DescriptorDirectory, descriptor.AppEnv + ".json"), descriptor, problems, cancellationToken);
        var app = await WriteOneAsync(runtime, inputs.DescriptorFile, descriptor, problems, cancellationToken);
        return new DescriptorPaths(archive, app, problems);
    }

    private static async Task<string?> WriteOneAsync(ActionRuntime runtime, string path, EnvironmentDescriptor descriptor, List<string> problems, CancellationToken cancellationToken)
    {
        var (confined, error) = WorkspacePaths.Confine(path, runtime.Workspace, [runtime.Environment.GetNonEmpty("RUNNER_TEMP")]);
        if (confined is null)
        {
            problems.Add($"The descriptor {runtime.RelativeToWorkspace(path)} was not written: it leads outside the workspace ({error}).");
            return null;
        }

        try
        {
            await JsonFile.WriteAsync(confined, descriptor, EphemeralEnvJsonContext.Default.EnvironmentDescriptor, cancellationToken);
            return confined;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"The descriptor {runtime.RelativeToWorkspace(path)} could not be written: {ex.Message}");
            return null;
        }
    }
}
