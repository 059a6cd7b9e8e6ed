namespace Bookiji.Actions.Core.Toolkit;

public sealed partial class ActionCore
{
    /// <summary>Writes a plain log line, with registered secrets masked.</summary>
    public void Info(string message) => WriteRaw(Masker.Apply(message) + "\n");

    /// <summary>A debug message, shown when the run has debug logging on.</summary>
    public void Debug(string message) => IssueCommand("debug", null, Masker.Apply(message));

    /// <summary>A notice annotation.</summary>
    public void Notice(string message, AnnotationProperties? properties = null) => Annotate("notice", message, properties);

    /// <summary>A warning annotation.</summary>
    public void Warning(string message, AnnotationProperties? properties = null) => Annotate("warning", message, properties);

    /// <summary>An error annotation.</summary>
    public void Error(string message, AnnotationProperties? properties = null) => Annotate("error", message, properties);

    /// <summary>An error annotation for an exception: <c>TypeName: message</c>, as JavaScript's <c>Error.toString()</c>.</summary>
    public void Error(Exception exception, AnnotationProperties? properties = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Annotate("error", $"{exception.GetType().Name}: {exception.Message}", properties);
    }

    /// <summary>Marks the action failed: exit code 1 and an error annotation.</summary>
    public void SetFailed(string message)
    {
        ExitCode = 1;
        Error(message);
    }

    /// <summary>Starts a collapsible group in the log.</summary>
    public void StartGroup(string name) => IssueCommand("group", null, Masker.Apply(name));

    /// <summary>Ends the current group.</summary>
    public void EndGroup() => IssueCommand("endgroup", null, string.Empty);

    /// <summary>Runs <paramref name="body"/> inside a group, ending the group however it finishes.</summary>
    public async Task<T> Group<T>(string name, Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        StartGroup(name);
        try
        {
            return await body();
        }
        finally
        {
            EndGroup();
        }
    }

    /// <summary>
    /// Stops the runner from processing workflow commands (e.g. while printing untrusted text that might contain
    /// <c>::</c> lines) until <see cref="ResumeCommands"/> is called with the same token.
    /// </summary>
    public void StopCommands(string token) => IssueCommand("stop-commands", null, token);

    /// <summary>Resumes command processing stopped with <paramref name="token"/>: <c>::token::</c>.</summary>
    public void ResumeCommands(string token) => IssueCommand(token, null, string.Empty);

    /// <summary>Turns echoing of workflow commands on or off.</summary>
    public void SetCommandEcho(bool enabled) => IssueCommand("echo", null, enabled ? "on" : "off");

    private void Annotate(string kind, string message, AnnotationProperties? properties) =>
        IssueCommand(kind, properties?.ToCommandProperties(), Masker.Apply(message));
}
