namespace Bookiji.Actions.Core.Toolkit;

/// <summary>
/// The runner-facing surface of the official <c>@actions/core</c> package, bound to one injected environment,
/// one output writer and one delimiter source. Behaviour matches the toolkit case by case; see the
/// partial files for inputs, file commands and logging.
/// </summary>
public sealed partial class ActionCore
{
    private readonly TextWriter _stdout;
    private readonly Func<Guid> _newGuid;
    private readonly Lock _writeGate = new();

    /// <summary>Creates the toolkit surface over <paramref name="environment"/>.</summary>
    /// <param name="environment">The variables the action sees; file commands and inputs are read from it.</param>
    /// <param name="stdout">Where workflow commands and log lines go (the process's standard output in production).</param>
    /// <param name="newGuid">The source of heredoc delimiters (random in production, fixed in tests).</param>
    public ActionCore(ActionEnvironment environment, TextWriter stdout, Func<Guid> newGuid)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _stdout = stdout ?? throw new ArgumentNullException(nameof(stdout));
        _newGuid = newGuid ?? throw new ArgumentNullException(nameof(newGuid));
    }

    /// <summary>The environment this surface reads and updates.</summary>
    public ActionEnvironment Environment { get; }

    /// <summary>The secrets registered so far with <see cref="SetSecret"/>.</summary>
    public SecretMasker Masker { get; } = new();

    /// <summary>The process exit code: 0, or 1 after <see cref="SetFailed(string)"/>.</summary>
    public int ExitCode { get; private set; }

    /// <summary>Whether the runner runs with debug logging (<c>RUNNER_DEBUG=1</c>).</summary>
    public bool IsDebug => Environment["RUNNER_DEBUG"] == "1";

    /// <summary>Writes one command line to the output.</summary>
    public void IssueCommand(string command, IEnumerable<KeyValuePair<string, string?>>? properties, string? message) =>
        WriteRaw(WorkflowCommand.Format(command, properties, message) + "\n");

    /// <summary>Writes raw text to the output, unmasked (for commands that must reach the runner as written).</summary>
    private void WriteRaw(string text)
    {
        lock (_writeGate)
        {
            _stdout.Write(text);
            _stdout.Flush();
        }
    }
}
