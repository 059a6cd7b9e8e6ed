namespace Bookiji.Actions.SloExport.Record;

/// <summary>The test report record mode reads.</summary>
public enum ReportFormat
{
    /// <summary>Decided by the file's first non-blank character: <c>{</c> is Playwright JSON, <c>&lt;</c> is JUnit XML.</summary>
    Auto,

    /// <summary>Playwright's JSON reporter output.</summary>
    Playwright,

    /// <summary>JUnit XML (Playwright's junit reporter, Jest, pytest, Surefire …).</summary>
    JUnit,
}
