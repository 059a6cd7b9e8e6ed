namespace Bookiji.Actions.DeployMetadata;

/// <summary>Where an earlier record of a deploy was found.</summary>
public enum DeployRecordSource
{
    /// <summary>The record file in the workspace.</summary>
    File,

    /// <summary>A GitHub deployment's payload.</summary>
    GitHub,
}
