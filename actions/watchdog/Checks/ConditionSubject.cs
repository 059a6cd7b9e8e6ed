namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>What a condition looks at.</summary>
public enum ConditionSubject
{
    /// <summary><c>[STATUS]</c>: the HTTP status code.</summary>
    Status,

    /// <summary><c>[RESPONSE_TIME]</c>: milliseconds to the end of the bounded body.</summary>
    ResponseTime,

    /// <summary><c>[BODY]</c> or <c>[BODY].path</c>: the body text, or a value in its JSON.</summary>
    Body,
}
