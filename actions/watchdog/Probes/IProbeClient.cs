namespace Bookiji.Actions.Watchdog.Probes;

/// <summary>
/// The seam between the watchdog and HTTP: one attempt, exact timing, no retries, no redirects, bounded body.
/// Confirmation retries live above it (<see cref="Checks.CheckRunner"/>), so the core's probe client can replace
/// <see cref="SocketsProbeClient"/> without touching the rest.
/// </summary>
public interface IProbeClient
{
    /// <summary>Sends one probe; never throws for transport failures (they come back classified).</summary>
    Task<ProbeResponse> SendAsync(ProbeRequest request, CancellationToken cancellationToken);
}
