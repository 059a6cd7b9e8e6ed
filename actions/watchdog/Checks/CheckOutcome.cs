namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>A check's verdict after confirmation.</summary>
public enum CheckOutcome
{
    /// <summary>Every condition held.</summary>
    Pass,

    /// <summary>Only [RESPONSE_TIME] conditions failed: answering, but slowly.</summary>
    Slow,

    /// <summary>A status or body condition failed, or no answer came.</summary>
    Fail,
}
