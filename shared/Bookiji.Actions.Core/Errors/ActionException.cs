namespace Bookiji.Actions.Core.Errors;

/// <summary>
/// A failure the action understands and can explain: the message says what went wrong and how to fix it.
/// The host turns it into one error annotation; anything else is reported as unexpected.
/// </summary>
public class ActionException : Exception
{
    /// <summary>Creates the exception with a message that says how to fix the problem.</summary>
    public ActionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ActionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A short title for the annotation, e.g. <c>database unreachable</c>.</summary>
    public string? Title { get; init; }
}
