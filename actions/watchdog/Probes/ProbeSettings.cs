namespace Bookiji.Actions.Watchdog.Probes;

/// <summary>How checks are probed.</summary>
/// <param name="Timeout">Bound of one attempt.</param>
/// <param name="Retries">Confirmation retries after a failed attempt.</param>
/// <param name="RetryDelay">First back-off delay (doubling, jittered).</param>
/// <param name="MaxBodyBytes">Most body bytes read per attempt.</param>
public sealed record ProbeSettings(TimeSpan Timeout, int Retries, TimeSpan RetryDelay, int MaxBodyBytes);
