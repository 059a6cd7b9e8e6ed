namespace Bookiji.Actions.EphemeralEnv;

/// <summary>What the run does.</summary>
public enum EnvMode
{
    /// <summary>Create (or refresh) the PR's environment.</summary>
    Create,

    /// <summary>Remove the PR's environment (PR closed).</summary>
    Destroy,

    /// <summary>Remove every environment whose PR is closed or whose TTL passed.</summary>
    Sweep,
}
