using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>Counts a JUnit XML report's test cases and collects booking latencies, streaming, with DTDs refused.</summary>
public static class JUnitSummarizer
{
    /// <summary>Summarises the report read from <paramref name="xml"/>; throws <see cref="XmlException"/> for XML that is not well-formed.</summary>
    public static TestReportSummary Summarize(TextReader xml, Regex booking)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(booking);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersFromEntities = 1024 };
        using var reader = XmlReader.Create(xml, settings);
        long passed = 0, failed = 0, skipped = 0;
        var bookingTests = 0;
        var latencies = new List<double>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "testcase")
            {
                continue;
            }

            var name = reader.GetAttribute("name");
            var className = reader.GetAttribute("classname");
            var file = reader.GetAttribute("file");
            var seconds = double.TryParse(reader.GetAttribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : (double?)null;
            var (outcome, annotated) = ReadCase(reader);
            switch (outcome)
            {
                case "skipped":
                    skipped++;
                    continue;
                case "failed":
                    failed++;
                    break;
                default:
                    passed++;
                    break;
            }

            if (!TitleMatcher.Matches(booking, name, className, file))
            {
                continue;
            }

            bookingTests++;
            if (annotated.Count > 0)
            {
                latencies.AddRange(annotated);
            }
            else if (outcome == "passed" && seconds is { } time && double.IsFinite(time))
            {
                latencies.Add(time * 1000);
            }
        }

        return new TestReportSummary(passed, failed, skipped, 0, latencies, bookingTests, "junit");
    }

    /// <summary>The case's outcome and any <c>booking-latency-ms</c> properties, reading only inside the element.</summary>
    private static (string Outcome, List<double> Latencies) ReadCase(XmlReader reader)
    {
        var outcome = "passed";
        var latencies = new List<double>();
        if (reader.IsEmptyElement)
        {
            return (outcome, latencies);
        }

        using var inner = reader.ReadSubtree();
        inner.Read();
        while (inner.Read())
        {
            if (inner.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (inner.LocalName)
            {
                case "failure" or "error":
                    outcome = "failed";
                    break;
                case "skipped" when outcome != "failed":
                    outcome = "skipped";
                    break;
                case "property" when inner.GetAttribute("name") == TestReportSummary.LatencyAnnotation
                    && double.TryParse(inner.GetAttribute("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && double.IsFinite(ms):
                    latencies.Add(ms);
                    break;
            }
        }

        return (outcome, latencies);
    }
}
