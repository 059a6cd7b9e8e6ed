using Bookiji.Actions.Core.Inputs;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>Record mode: what to record.</summary>
public sealed record DeployRecordInputs : DeployMetadataInputs
{
    /// <summary>The full 40-character commit SHA the deploy is built from.</summary>
    public required string Sha { get; init; }

    /// <summary>The preview deployment's URL as the user wrote it, if given.</summary>
    public UserUrl? PreviewUrl { get; init; }

    /// <summary>The production URL as the user wrote it, if given.</summary>
    public UserUrl? ProductionUrl { get; init; }

    /// <summary>The descriptor whose <c>baseUrl</c> is the preview fallback (absolute, inside the workspace).</summary>
    public required string EphemeralEnvFile { get; init; }

    /// <summary>Also record a GitHub Deployment (when a token is available).</summary>
    public bool RecordDeployment { get; init; } = true;

    /// <summary>Update this action's section of the sticky PR comment.</summary>
    public bool PrComment { get; init; }
}
