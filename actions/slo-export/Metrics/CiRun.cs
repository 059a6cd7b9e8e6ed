namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>One validated CI run: every figure is sound (no negative counts, no negative latencies).</summary>
/// <param name="File">The file it came from (as shown to users: relative to the metrics folder).</param>
/// <param name="Timestamp">When the run finished.</param>
/// <param name="CommitSha">The commit tested.</param>
/// <param name="RunId">The workflow run id.</param>
/// <param name="RunAttempt">The attempt (1 when not recorded).</param>
/// <param name="Workflow">The workflow's name (empty when not recorded).</param>
/// <param name="Passed">Whether the run was green.</param>
/// <param name="TestsPassed">Passed tests.</param>
/// <param name="TestsFailed">Failed tests.</param>
/// <param name="TestsSkipped">Skipped tests.</param>
/// <param name="TestsTotal">All tests.</param>
/// <param name="BookingLatenciesMs">Booking latencies, sorted ascending.</param>
/// <param name="HealthChecks">Health checks made, when recorded.</param>
/// <param name="HealthFailures">Health checks failed, when recorded.</param>
public sealed record CiRun(
    string File,
    DateTimeOffset Timestamp,
    string CommitSha,
    long RunId,
    long RunAttempt,
    string Workflow,
    bool Passed,
    long TestsPassed,
    long TestsFailed,
    long TestsSkipped,
    long TestsTotal,
    double[] BookingLatenciesMs,
    long? HealthChecks,
    long? HealthFailures)
{
    /// <summary>Tests that ran to a verdict (skipped ones excluded).</summary>
    public long TestsExecuted => TestsPassed + TestsFailed;

    /// <summary>Samples over <paramref name="targetMs"/> (the latency SLI's bad events).</summary>
    public long LatenciesOver(double targetMs)
    {
        // Sorted ascending: the bad samples are the tail after the last one within the target.
        var index = Array.BinarySearch(BookingLatenciesMs, targetMs);
        if (index < 0)
        {
            return BookingLatenciesMs.Length - ~index;
        }

        while (index + 1 < BookingLatenciesMs.Length && BookingLatenciesMs[index + 1] <= targetMs)
        {
            index++;
        }

        return BookingLatenciesMs.Length - index - 1;
    }
}
