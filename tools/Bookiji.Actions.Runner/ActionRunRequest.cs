namespace Bookiji.Actions.Runner;

/// <summary>One step that uses an action, as a workflow would write it.</summary>
public sealed record ActionRunRequest
{
    /// <summary>The action's folder (holding <c>action.yml</c>).</summary>
    public required string ActionDirectory { get; init; }

    /// <summary>How the action's code is started.</summary>
    public required IActionLauncher Launcher { get; init; }

    /// <summary>The step's <c>with:</c> values.</summary>
    public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();

    /// <summary>The step's and job's <c>env:</c> (e.g. <c>CANARY_URL</c>, <c>DATABASE_URL</c>).</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>The triggering event's name.</summary>
    public string EventName { get; init; } = "push";

    /// <summary>The event payload (JSON); an empty object when not given.</summary>
    public string EventPayload { get; init; } = "{}";

    /// <summary>Values of the <c>github</c> context and <c>GITHUB_*</c> variables to override (e.g. <c>sha</c>, <c>repository</c>, <c>api_url</c>, <c>token</c>).</summary>
    public IReadOnlyDictionary<string, string> GitHub { get; init; } = new Dictionary<string, string>();

    /// <summary>The workspace folder; a fresh one under the run folder when not given.</summary>
    public string? Workspace { get; init; }

    /// <summary>Where the runner's own folders go (file commands, event, home, temp); a fresh temp folder when not given.</summary>
    public string? RunDirectory { get; init; }

    /// <summary>Sets <c>RUNNER_DEBUG=1</c>.</summary>
    public bool Debug { get; init; }
}
