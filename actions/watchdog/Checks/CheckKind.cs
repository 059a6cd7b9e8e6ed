namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>Which check it is: the two the brief names decide "down"; extra ones only "degraded".</summary>
public enum CheckKind
{
    /// <summary>The health endpoint.</summary>
    Health,

    /// <summary>The booking API.</summary>
    Bookings,

    /// <summary>An endpoint from the <c>endpoints</c> input or file.</summary>
    Extra,
}
