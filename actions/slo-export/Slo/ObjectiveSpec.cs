using Bookiji.Actions.SloExport.Metrics;

namespace Bookiji.Actions.SloExport.Slo;

/// <summary>An objective as events: which of a run's events are bad, and the share that must be good.</summary>
/// <param name="Name">booking-latency or uptime.</param>
/// <param name="Sli">What a good event is, in words.</param>
/// <param name="Objective">The share of good events required, as a fraction (0.95, 0.999).</param>
/// <param name="Events">A run's (bad, total) events.</param>
internal sealed record ObjectiveSpec(string Name, string Sli, double Objective, Func<CiRun, (long Bad, long Total)> Events)
{
    /// <summary>The error budget B = 1 − objective.</summary>
    public double Budget => 1 - Objective;
}
