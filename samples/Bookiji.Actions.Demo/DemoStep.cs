namespace Bookiji.Actions.Demo;

/// <summary>One step of the demo job: which action, with what inputs and environment.</summary>
/// <param name="Id">The step id (also the folder its results go to).</param>
/// <param name="ActionName">The folder under <c>actions/</c>.</param>
/// <param name="With">The step's <c>with:</c>.</param>
/// <param name="Env">The step's <c>env:</c>.</param>
/// <param name="PayloadAction">The pull_request event's <c>action</c> for this step (e.g. <c>closed</c>).</param>
/// <param name="Clock">A fixed wall clock for the step (timers still run in real time), when its sample data is dated.</param>
internal sealed record DemoStep(
    string Id,
    string ActionName,
    IReadOnlyDictionary<string, string> With,
    IReadOnlyDictionary<string, string> Env,
    string PayloadAction = "synchronize",
    DateTimeOffset? Clock = null);
