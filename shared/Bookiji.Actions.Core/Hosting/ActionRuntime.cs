using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.Core.Toolkit;
using Microsoft.Extensions.DependencyInjection;

namespace Bookiji.Actions.Core.Hosting;

/// <summary>
/// Everything an action may touch, injected: the environment, the output writer, the clock, the GUID source,
/// the toolkit surface, the GitHub context and HTTP clients. Production code gets it from
/// <see cref="FromProcess"/>; tests build one over a dictionary.
/// </summary>
public sealed class ActionRuntime : IDisposable
{
    private readonly Lazy<GitHubContext> _github;
    private readonly Lazy<ServiceProvider> _services;

    /// <summary>Creates a runtime.</summary>
    /// <param name="environment">The variables the action sees.</param>
    /// <param name="stdout">Where log lines and workflow commands go.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="newGuid">The random GUID source (heredoc delimiters, ids).</param>
    /// <param name="configureServices">Extra service registrations, e.g. a test's HTTP handler.</param>
    public ActionRuntime(
        ActionEnvironment environment,
        TextWriter stdout,
        TimeProvider timeProvider,
        Func<Guid> newGuid,
        Action<IServiceCollection>? configureServices = null)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        Out = stdout ?? throw new ArgumentNullException(nameof(stdout));
        Time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        NewGuid = newGuid ?? throw new ArgumentNullException(nameof(newGuid));
        Core = new ActionCore(environment, stdout, newGuid);
        Summary = new StepSummary(environment, Core.Masker);
        _github = new Lazy<GitHubContext>(() => GitHubContext.From(environment));
        _services = new Lazy<ServiceProvider>(() => HttpServices.Build(Time, configureServices));
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
    public string Workspace => Environment.GetNonEmpty("GITHUB_WORKSPACE") ?? Directory.GetCurrentDirectory();

    /// <summary>HTTP clients with the project's resilience pipeline (<see cref="HttpServices"/>).</summary>
    public IHttpClientFactory HttpClients => _services.Value.GetRequiredService<IHttpClientFactory>();

    /// <summary>Resolves a path from an input against the workspace (absolute paths pass unchanged).</summary>
    public string ResolvePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Workspace, path));
    }

    /// <summary>A path as outputs and summaries show it: relative to the workspace, with forward slashes.</summary>
    public string RelativeToWorkspace(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetRelativePath(Workspace, path).Replace('\\', '/');
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_services.IsValueCreated)
        {
            _services.Value.Dispose();
        }
    }
}
