using System.Text;
using System.Text.Json;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>Writes the descriptor to <c>env-descriptors/${APP_ENV}.json</c> and <c>.ephemeral-env.json</c>.</summary>
internal static class DescriptorFiles
{
    public static async Task<(string Archive, string App)> WriteAsync(EphemeralEnvInputs inputs, EnvironmentDescriptor descriptor, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(descriptor, EphemeralEnvJsonContext.Default.EnvironmentDescriptor);
        var archive = Path.Combine(inputs.DescriptorDirectory, descriptor.AppEnv + ".json");
        await Bookiji.Actions.Core.Toolkit.OutputFile.WriteTextAsync(archive, json, cancellationToken);
        await Bookiji.Actions.Core.Toolkit.OutputFile.WriteTextAsync(inputs.AppDescriptorPath, json, cancellationToken);
        return (archive, inputs.AppDescriptorPath);
    }
}
