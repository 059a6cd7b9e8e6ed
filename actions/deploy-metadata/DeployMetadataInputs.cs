using System.Text.Json;
using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>The action's inputs, resolved: input &gt; environment variable &gt; default.</summary>
/// <param name="Sha">The full 40-character commit SHA the deploy is built from.</param>
/// <param name="PreviewUrl">The preview deployment's URL, if any.</param>
/// <param name="PreviewUrlSource">Where <paramref name="PreviewUrl"/> came from, for the summary.</param>
/// <param name="ProductionUrl">The production URL, if any.</param>
/// <param name="OutputDirectory">The absolute folder the record is written to.</param>
public sealed partial record DeployMetadataInputs(
    string Sha,
    Uri? PreviewUrl,
    string PreviewUrlSource,
    Uri? ProductionUrl,
    string OutputDirectory)
{
    /// <summary>The default output folder, relative to the workspace (the brief's <c>deploy-metadata/</c>).</summary>
    public const string DefaultOutputDirectory = "deploy-metadata";

    /// <summary>The ephemeral-env descriptor whose <c>baseUrl</c> is the preview URL fallback.</summary>
    public const string DefaultEphemeralEnvFile = ".ephemeral-env.json";

    /// <summary>Reads and validates every input, reporting all problems at once.</summary>
    public static DeployMetadataInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var reader = new InputReader(runtime.Core);
        var sha = reader.String("sha", envFallback: "GITHUB_SHA", required: true)?.ToLowerInvariant() ?? string.Empty;
        if (sha.Length > 0 && !FullSha().IsMatch(sha))
        {
            reader.AddError("sha", $"Input 'sha' must be a full 40-character hexadecimal commit SHA (deploys are traced by the full SHA); got '{sha}'.");
        }

        var preview = reader.HttpUrl("preview-url", envFallback: "PREVIEW_URL");
        var previewSource = preview is null ? "none" : "input";
        if (preview is null)
        {
            var descriptorPath = runtime.ResolvePath(reader.String("ephemeral-env-file", defaultValue: DefaultEphemeralEnvFile)!);
            (preview, var problem) = ReadBaseUrl(descriptorPath);
            previewSource = preview is null ? "none" : Path.GetFileName(descriptorPath);
            if (problem is not null)
            {
                runtime.Core.Warning(problem);
            }
        }

        var production = reader.HttpUrl("production-url", envFallback: "PRODUCTION_URL");
        RefuseCredentials(reader, "preview-url", preview);
        RefuseCredentials(reader, "production-url", production);
        var outputDir = runtime.ResolvePath(reader.String("output-dir", defaultValue: DefaultOutputDirectory)!);
        reader.ThrowIfInvalid();
        return new DeployMetadataInputs(sha, preview, previewSource, production, outputDir);
    }

    /// <summary>The record is an artifact anyone can read: a URL carrying a user or password must not go into it.</summary>
    private static void RefuseCredentials(InputReader reader, string input, Uri? url)
    {
        if (url is { UserInfo.Length: > 0 })
        {
            reader.AddError(input, $"Input '{input}' must not contain credentials (user:password@); the record is a public build artifact. Pass the bare URL.");
        }
    }

    /// <summary>The <c>baseUrl</c> of an ephemeral-env descriptor; a missing file is silent, a bad one a warning.</summary>
    internal static (Uri? Url, string? Problem) ReadBaseUrl(string path)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("baseUrl", out var baseUrl)
                && baseUrl.ValueKind == JsonValueKind.String
                && Uri.TryCreate(baseUrl.GetString(), UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return (uri, null);
            }

            return (null, $"{path} has no absolute http(s) 'baseUrl'; previewUrl is left empty. Set the 'preview-url' input to name it.");
        }
        catch (JsonException ex)
        {
            return (null, $"{path} is not valid JSON ({ex.Message}); previewUrl is left empty. Set the 'preview-url' input to name it.");
        }
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex FullSha();
}
