namespace Bookiji.Actions.Watchdog.State;

/// <summary>The run's verdict on production.</summary>
public enum WatchdogStatus
{
    /// <summary>Every check passed and the error budget holds.</summary>
    Ok,

    /// <summary>Something is wrong but production answers.</summary>
    Degraded,

    /// <summary>Both the health endpoint and the booking API fail.</summary>
    Down,

    /// <summary>The watchdog cannot tell: every probe, the control URL included, was a transport error.</summary>
    Unknown,
}
