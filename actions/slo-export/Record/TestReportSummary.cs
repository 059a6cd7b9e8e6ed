namespace Bookiji.Actions.SloExport.Record;

/// <summary>What record mode takes from a test report.</summary>
/// <param name="Passed">Passed tests (flaky ones that passed on retry included).</param>
/// <param name="Failed">Failed tests.</param>
/// <param name="Skipped">Skipped tests.</param>
/// <param name="Errors">Errors outside tests (a failed global setup fails the run).</param>
/// <param name="BookingLatenciesMs">Booking-flow latency samples.</param>
/// <param name="BookingTests">Tests that matched the booking pattern.</param>
/// <param name="Format">playwright or junit.</param>
public sealed record TestReportSummary(long Passed, long Failed, long Skipped, long Errors, IReadOnlyList<double> BookingLatenciesMs, int BookingTests, string Format)
{
    /// <summary>The annotation (Playwright) or property (JUnit) that carries an explicit booking latency in ms.</summary>
    public const string LatencyAnnotation = "booking-latency-ms";
}
