namespace Bookiji.Actions.DeployMetadata;

/// <summary>Rollback mode: where to return to and how to promote it.</summary>
public sealed record DeployRollbackInputs : DeployMetadataInputs
{
    /// <summary>The SHA to return to; null: the last good deployment before the current one.</summary>
    public string? ToSha { get; init; }

    /// <summary>Vercel, when both its token and project are given; null prints the steps instead.</summary>
    public VercelTarget? Vercel { get; init; }
}
