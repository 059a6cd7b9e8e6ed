using System.Xml;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>The I/O edge of record mode: reads the test report (bounded) in its format.</summary>
public static class ReportReader
{
    /// <summary>The largest report read.</summary>
    public const long MaxReportBytes = 256L * 1024 * 1024;

    /// <summary>Reads and summarises the report; a missing, oversized or unreadable one is an <see cref="ActionException"/> naming it.</summary>
    public static async Task<TestReportSummary> ReadAsync(SloRecordInputs inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var file = new FileInfo(inputs.ReportFile);
        if (!file.Exists)
        {
            throw new ActionException($"{inputs.ReportFile} does not exist: run the tests with Playwright's json reporter (or a JUnit reporter) writing there, and run this step with if: always().")
            { Title = "no test report" };
        }

        if (file.Length > MaxReportBytes)
        {
            throw new ActionException($"{inputs.ReportFile} is {file.Length:N0} bytes; reports over {MaxReportBytes:N0} bytes are not read.") { Title = "test report too large" };
        }

        var format = inputs.Format == ReportFormat.Auto ? await DetectAsync(file, cancellationToken) : inputs.Format;
        if (format == ReportFormat.JUnit)
        {
            try
            {
                using var reader = new StreamReader(file.FullName);
                return JUnitSummarizer.Summarize(reader, inputs.BookingPattern);
            }
            catch (XmlException ex)
            {
                throw new ActionException($"{inputs.ReportFile} is not well-formed JUnit XML ({ex.Message}).", ex) { Title = "unreadable test report" };
            }
        }

        var report = await JsonFile.ReadAsync(file.FullName, CiMetricsJsonContext.Default.PlaywrightReport, MaxReportBytes, cancellationToken);
        return report.Value is { } value
            ? PlaywrightSummarizer.Summarize(value, inputs.BookingPattern)
            : throw new ActionException($"{report.Message} Expected Playwright's JSON reporter output (reporter: [['json', {{ outputFile: ... }}]]).") { Title = "unreadable test report" };
    }

    /// <summary>'&lt;' starts XML; anything else is read as JSON (and named when it is not).</summary>
    private static async Task<ReportFormat> DetectAsync(FileInfo file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.FullName);
        var buffer = new char[4096];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        var first = buffer.Take(read).FirstOrDefault(c => !char.IsWhiteSpace(c) && c != '\uFEFF');
        return first == '<' ? ReportFormat.JUnit : ReportFormat.Playwright;
    }
}
