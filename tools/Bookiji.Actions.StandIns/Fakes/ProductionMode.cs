namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>How a <see cref="ProductionStandIn"/> answers its health endpoints.</summary>
public enum ProductionMode
{
    /// <summary>Both endpoints answer 200 <c>{"status":"ok"}</c> at once.</summary>
    Healthy,

    /// <summary>Both answer 200 after <see cref="ProductionStandIn.SlowDelay"/>.</summary>
    Slow,

    /// <summary>Both answer 500.</summary>
    Failing,

    /// <summary>The health endpoint is fine; the booking API answers 503.</summary>
    BookingsFailing,

    /// <summary>Every other request answers 500 (a single probe would see a failure half of the time).</summary>
    Flapping,

    /// <summary>Both answer 503 until a POST /api/admin/reload-config with the right key, then 200.</summary>
    BrokenUntilReload,
}
