using System.Globalization;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>Counts a Playwright JSON report's tests and collects booking latencies (pure).</summary>
public static class PlaywrightSummarizer
{
    /// <summary>Summarises <paramref name="report"/>; a test is a booking flow when its title path or file matches <paramref name="booking"/>.</summary>
    public static TestReportSummary Summarize(PlaywrightReport report, Regex booking)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(booking);
        var state = new Counts();
        foreach (var suite in report.Suites ?? [])
        {
            Walk(suite, [], suite.File, booking, state);
        }

        return new TestReportSummary(state.Passed, state.Failed, state.Skipped, report.Errors?.Count ?? 0, state.Latencies, state.BookingTests, "playwright");
    }

    private static void Walk(PlaywrightSuite suite, List<string> path, string? file, Regex booking, Counts state)
    {
        var titles = suite.Title is { Length: > 0 } title ? [.. path, title] : path;
        file = suite.File ?? file;
        foreach (var spec in suite.Specs ?? [])
        {
            var specFile = spec.File ?? file ?? string.Empty;
            var isBooking = TitleMatcher.Matches(booking, string.Join(" › ", titles.Append(spec.Title ?? string.Empty)), specFile);
            foreach (var test in spec.Tests ?? [])
            {
                Count(test, isBooking, state);
            }
        }

        foreach (var child in suite.Suites ?? [])
        {
            Walk(child, titles, file, booking, state);
        }
    }

    private static void Count(PlaywrightTest test, bool isBooking, Counts state)
    {
        var last = test.Results is { Count: > 0 } results ? results[^1] : null;
        switch (test.Status)
        {
            case "expected" or "flaky":
                state.Passed++;
                break;
            case "skipped":
                state.Skipped++;
                return;
            default:
                state.Failed++;
                break;
        }

        if (!isBooking)
        {
            return;
        }

        state.BookingTests++;
        var annotated = (test.Annotations ?? []).Concat(last?.Annotations ?? [])
            .Where(a => a.Type == TestReportSummary.LatencyAnnotation)
            .Select(a => double.TryParse(a.Description, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) ? ms : double.NaN)
            .Where(double.IsFinite)
            .ToList();
        if (annotated.Count > 0)
        {
            state.Latencies.AddRange(annotated);
        }
        else if (last is { Status: "passed", Duration: { } duration } && test.Status is "expected" or "flaky")
        {
            // Without an explicit measurement, a passed booking test's duration is the flow's latency.
            state.Latencies.Add(duration);
        }
    }

    private sealed class Counts
    {
        public long Passed { get; set; }

        public long Failed { get; set; }

        public long Skipped { get; set; }

        public int BookingTests { get; set; }

        public List<double> Latencies { get; } = [];
    }
}
