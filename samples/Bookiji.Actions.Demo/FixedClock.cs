namespace Bookiji.Actions.Demo;

/// <summary>A wall clock fixed at one instant; timers and timestamps for durations still run in real time.</summary>
/// <param name="now">The instant.</param>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
