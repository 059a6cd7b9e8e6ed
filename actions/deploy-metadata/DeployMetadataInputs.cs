using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using D = Bookiji.Actions.DeployMetadata.DeployMetadataDefinition;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>The action's inputs, resolved: input &gt; environment variable &gt; default. Parse reads no file.</summary>
/// <param name="Sha">The full 40-character commit SHA the deploy is built from.</param>
/// <param name="PreviewUrl">The preview deployment's URL as the user wrote it, if given.</param>
/// <param name="ProductionUrl">The production URL as the user wrote it, if given.</param>
/// <param name="EphemeralEnvFile">The descriptor whose <c>baseUrl</c> is the preview fallback (absolute, inside the workspace).</param>
/// <param name="OutputDirectory">The absolute folder the record is written to.</param>
public sealed partial record DeployMetadataInputs(
    string Sha,
    UserUrl? PreviewUrl,
    UserUrl? ProductionUrl,
    string EphemeralEnvFile,
    string OutputDirectory)
{
    /// <summary>Reads and validates every input, reporting all problems at once.</summary>
    public static DeployMetadataInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var reader = new InputReader(runtime.Core);
        var sha = reader.Read(D.Sha)?.ToLowerInvariant() ?? string.Empty;
        if (sha.Length > 0 && !FullSha().IsMatch(sha))
        {
            reader.AddError(D.Sha.Name, $"{D.Sha.Describe()} must be a full 40-character hexadecimal commit SHA (deploys are traced by the full SHA); got '{sha}'.");
        }

        var preview = reader.Read(D.PreviewUrl);
        var production = reader.Read(D.ProductionUrl);
        var descriptor = reader.Read(D.EphemeralEnvFile);
        var outputDir = reader.Read(D.OutputDir);
        reader.ThrowIfInvalid();
        return new DeployMetadataInputs(sha, preview, production, descriptor!, outputDir!);
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex FullSha();
}
