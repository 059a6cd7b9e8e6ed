using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Core.Hosting;

/// <summary>
/// Everything an action may touch, injected: the environment, the output writer, the clock, the GUID source,
/// the toolkit surface and the GitHub context (HTTP clients: <see cref="Http.ProbeClient"/>, <see cref="Http.ApiClient"/>). Production code gets it from
/// <see cref="FromProcess"/>; tests build one over a dictionary.
/// </summary>
public sealed class ActionRuntime
{
    private readonly Lazy<GitHubContext> _github;

    /// <summary>Creates a runtime.</summary>
    /// <param name="environment">The variables the action sees.</param>
    /// <param name="stdout">Where log lines and workflow commands go.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="newGuid">The random GUID source (heredoc delimiters, ids).</param>
    public ActionRuntime(
        ActionEnvironment environment,
        TextWriter stdout,
        TimeProvider timeProvider,
        Func<Guid> newGuid)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        Out = stdout ?? throw new ArgumentNullException(nameof(stdout));
        Time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        NewGuid = newGuid ?? throw new ArgumentNullException(nameof(newGuid));
        Core = new ActionCore(environment, stdout, newGuid);
        Summary = new StepSummary(environment, Core.Masker);
        _github = new Lazy<GitHubContext>(() => GitHubContext.From(environment));
    }

    /// <summary>A runtime over the real process: its environment, standard output, system clock and random GUIDs.</summary>
    public static ActionRuntime FromProcess() =>
        new(ActionEnvironment.FromProcess(), Console.Out, TimeProvider.System, Guid.NewGuid);

    /// <summary>The variables the action sees.</summary>
    public ActionEnvironment Environment { get; }

    /// <summary>The output writer (log and workflow commands).</summary>
    public TextWriter Out { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The GUID source.</summary>
    public Func<Guid> NewGuid { get; }

    /// <summary>The <c>@actions/core</c> surface.</summary>
    public ActionCore Core { get; }

    /// <summary>The step summary builder.</summary>
    public StepSummary Summary { get; }

    /// <summary>The run's GitHub context (read on first use).</summary>
    public GitHubContext GitHub => _github.Value;

    /// <summary>The workspace: <c>GITHUB_WORKSPACE</c>, else the current directory.</summary>
    public string Workspace => Inputs.WorkspacePaths.Root(Environment);

    /// <summary>A path as outputs and summaries show it: relative to the workspace, with forward slashes.</summary>
    public string RelativeToWorkspace(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetRelativePath(Workspace, path).Replace('\\', '/');
    }
}
