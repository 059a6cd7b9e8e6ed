namespace Bookiji.Actions.DeployMetadata;

/// <summary>What the run does.</summary>
public enum DeployMode
{
    /// <summary>Record this deploy (file + GitHub Deployment); never rewrite a recorded one.</summary>
    Record,

    /// <summary>Promote the last good deployment before the current one (or the one for <c>to-sha</c>).</summary>
    Rollback,
}
