namespace Bookiji.Actions.EphemeralEnv;

/// <summary>What the run does; <see cref="Auto"/> is resolved from the event before anything runs.</summary>
public enum EnvMode
{
    /// <summary>Decide from the event: a closed PR destroys, a schedule sweeps, anything else creates.</summary>
    Auto,

    /// <summary>Create (or refresh) the PR's environment.</summary>
    Create,

    /// <summary>Remove the PR's environment (PR closed).</summary>
    Destroy,

    /// <summary>Remove every environment whose PR is closed or whose TTL passed.</summary>
    Sweep,
}
