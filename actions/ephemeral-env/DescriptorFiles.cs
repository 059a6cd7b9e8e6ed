using System.Text;
using System.Text.Json;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>Writes the descriptor to <c>env-descriptors/${APP_ENV}.json</c> and <c>.ephemeral-env.json</c>.</summary>
internal static class DescriptorFiles
{
    public static async Task<(string Archive, string App)> WriteAsync(EphemeralEnvInputs inputs, EnvironmentDescriptor descriptor, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(descriptor, EphemeralEnvJsonContext.Default.EnvironmentDescriptor) + "\n";
        var archive = Path.Combine(inputs.DescriptorDirectory, descriptor.AppEnv + ".json");
        Directory.CreateDirectory(inputs.DescriptorDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(inputs.AppDescriptorPath)!);
        await File.WriteAllTextAsync(archive, json, new UTF8Encoding(false), cancellationToken);
        await File.WriteAllTextAsync(inputs.AppDescriptorPath, json, new UTF8Encoding(false), cancellationToken);
        return (archive, inputs.AppDescriptorPath);
    }
}
