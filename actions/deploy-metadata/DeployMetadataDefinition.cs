using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>The one declaration of deploy-metadata's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class DeployMetadataDefinition
{
    /// <summary>The commit the deploy is built from.</summary>
    public static readonly TextInput Sha = new("sha", "Full 40-character commit SHA of the deploy (short SHAs are refused: traces must be exact).")
    {
        Env = "GITHUB_SHA",
        Required = true,
        Format = "a full 40-hex commit SHA",
    };

    /// <summary>The preview deployment.</summary>
    public static readonly UrlInput PreviewUrl = new("preview-url", "Preview deployment URL, recorded exactly as given.")
    {
        Env = "PREVIEW_URL",
        ComputedDefault = "the baseUrl of ephemeral-env-file",
        RefuseCredentials = true,
    };

    /// <summary>The production deployment.</summary>
    public static readonly UrlInput ProductionUrl = new("production-url", "Production URL, recorded exactly as given.")
    {
        Env = "PRODUCTION_URL",
        RefuseCredentials = true,
    };

    /// <summary>The ephemeral-env descriptor that supplies the preview URL.</summary>
    public static readonly PathInput EphemeralEnvFile = new("ephemeral-env-file", "Ephemeral-env descriptor whose baseUrl is the preview URL fallback (written by ephemeral-env).")
    {
        Default = ".ephemeral-env.json",
    };

    /// <summary>Where records go.</summary>
    public static readonly PathInput OutputDir = new("output-dir", "Folder the record is written to (the brief's deploy-metadata/).")
    {
        Default = "deploy-metadata",
        Folder = true,
    };

    /// <summary>Output: the record's path.</summary>
    public static readonly OutputDefinition PathOutput = new("path", "Path of the record, relative to the workspace.");

    /// <summary>Output: the SHA.</summary>
    public static readonly OutputDefinition ShaOutput = new("sha", "The commit SHA recorded.");

    /// <summary>Output: when it was recorded.</summary>
    public static readonly OutputDefinition CreatedAtOutput = new("created-at", "The record's createdAt (the first run's time when the deploy was already recorded).");

    /// <summary>Output: whether this run wrote it.</summary>
    public static readonly OutputDefinition CreatedOutput = new("created", "true when this run wrote the record; false when the same deploy was already recorded.");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "deploy-metadata",
        BriefSection = "§5",
        Description = "Write deploy-metadata/deploy-{sha}.json (sha, previewUrl, productionUrl, createdAt) for traceable, immutable deploys.",
        Icon = "tag",
        Color = "blue",
        Inputs = [Sha, PreviewUrl, ProductionUrl, EphemeralEnvFile, OutputDir],
        Outputs = [PathOutput, ShaOutput, CreatedAtOutput, CreatedOutput],
    };
}
