using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>The preview URL the record carries, and where it came from (shown in the summary).</summary>
/// <param name="Url">The URL exactly as written by the user or the descriptor; null when there is none.</param>
/// <param name="Source"><c>input</c>, the descriptor's file name, or <c>none</c>.</param>
/// <param name="Warning">Why the descriptor could not supply one, when it exists but is unusable.</param>
public sealed record PreviewUrlSource(string? Url, string Source, string? Warning = null)
{
    /// <summary>The input wins; otherwise the <c>baseUrl</c> of the ephemeral-env descriptor (a missing file is silent).</summary>
    public static async Task<PreviewUrlSource> ResolveAsync(DeployRecordInputs inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.PreviewUrl is { } given)
        {
            return new PreviewUrlSource(given.Text, "input");
        }

        var file = await JsonFile.ReadAsync(inputs.EphemeralEnvFile, DeployMetadataJsonContext.Default.EphemeralEnvBaseUrl, 1024 * 1024, cancellationToken);
        if (file.Missing)
        {
            return new PreviewUrlSource(null, "none");
        }

        if (file.Value is null)
        {
            return new PreviewUrlSource(null, "none", $"{file.Message} previewUrl is left empty; set the 'preview-url' input to name it.");
        }

        // The descriptor is another step's file: validate it as strictly as an input, and never record credentials.
        if (UserUrl.TryParse(file.Value.BaseUrl) is not { HasCredentials: false } url)
        {
            return new PreviewUrlSource(null, "none", $"{inputs.EphemeralEnvFile} has no absolute http(s) 'baseUrl' without credentials; previewUrl is left empty. Set the 'preview-url' input to name it.");
        }

        return new PreviewUrlSource(url.Text, Path.GetFileName(inputs.EphemeralEnvFile));
    }
}
