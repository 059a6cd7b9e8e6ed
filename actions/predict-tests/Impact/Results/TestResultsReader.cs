using System.Text;
using System.Xml;
using System.Xml.Linq;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.PredictTests.Durations;

namespace Bookiji.Actions.PredictTests.Impact.Results;

/// <summary>
/// How each test file ended, from the reports a test job already writes: JUnit XML (vitest, jest-junit, Playwright,
/// most runners), jest/vitest JSON and Playwright JSON. A file named by several reports takes the worst outcome
/// (failed over flaky over passed). Reports are hostile input: bounded, no DTDs, files outside the repository ignored.
/// </summary>
public static class TestResultsReader
{
    /// <summary>The largest report read.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Outcome per repository test file, and a problem per report that could not be read.</summary>
    public static async Task<(IReadOnlyDictionary<string, TestOutcome> Outcomes, IReadOnlyList<string> Problems)> ReadAsync(
        IReadOnlyList<string> reports, RepositoryPaths paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(paths);
        var outcomes = new Dictionary<string, TestOutcome>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var report in reports)
        {
            var info = new FileInfo(report);
            if (!info.Exists || info.Length > MaxBytes)
            {
                problems.Add(info.Exists ? $"{report} is {info.Length:N0} bytes; reports over {MaxBytes:N0} bytes are not read." : $"{report} does not exist.");
                continue;
            }

            List<(string File, TestOutcome Outcome)> entries;
            try
            {
                var text = await File.ReadAllTextAsync(report, Encoding.UTF8, cancellationToken);
                entries = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') ? ReadJUnit(text) : await ReadJsonAsync(report, cancellationToken);
            }
            catch (Exception ex) when (ex is XmlException or FormatException or IOException)
            {
                problems.Add($"{report} could not be read as JUnit XML or a JSON report ({ex.Message}).");
                continue;
            }

            var unknown = 0;
            foreach (var (file, outcome) in entries)
            {
                if (paths.Find(file) is not { } test)
                {
                    unknown++;
                    continue;
                }

                outcomes[test] = outcomes.TryGetValue(test, out var earlier) ? Worst(earlier, outcome) : outcome;
            }

            if (entries.Count == 0)
            {
                problems.Add($"{report} names no test file.");
            }
            else if (unknown > 0)
            {
                problems.Add($"{report}: {unknown} result(s) name no file of this repository; they are ignored.");
            }
        }

        return (outcomes, problems);
    }

    /// <summary>The worse of two outcomes of one file.</summary>
    public static TestOutcome Worst(TestOutcome a, TestOutcome b) => a == TestOutcome.Failed || b == TestOutcome.Failed ? TestOutcome.Failed : a == TestOutcome.Flaky || b == TestOutcome.Flaky ? TestOutcome.Flaky : TestOutcome.Passed;

    private static async Task<List<(string, TestOutcome)>> ReadJsonAsync(string report, CancellationToken cancellationToken)
    {
        var jest = await JsonFile.ReadAsync(report, PredictTestsJsonContext.Default.JestJsonReport, MaxBytes, cancellationToken);
        if (jest.Value?.TestResults is { Count: > 0 } files)
        {
            return [.. files.Where(f => f?.Name is { Length: > 0 }).Select(f => (f!.Name!, Jest(f)))];
        }

        var playwright = await JsonFile.ReadAsync(report, PredictTestsJsonContext.Default.PlaywrightReport, MaxBytes, cancellationToken);
        if (playwright.Value?.Suites is { } suites)
        {
            var entries = new List<(string, TestOutcome)>();
            var root = playwright.Value.Config?.RootDir;
            foreach (var suite in suites)
            {
                if (suite?.File is { Length: > 0 } file)
                {
                    entries.Add((root is null ? file : Path.Combine(root, file), Playwright(suite)));
                }
            }

            return entries;
        }

        throw new FormatException(jest.Problem ?? playwright.Problem ?? "neither a jest/vitest nor a Playwright JSON report");
    }

    private static TestOutcome Jest(JestJsonReport.FileResult file)
    {
        var tests = (file.AssertionResults ?? []).OfType<JestJsonReport.Assertion>().ToList();
        if (file.Status == "failed" || tests.Any(t => t.Status == "failed"))
        {
            return TestOutcome.Failed;
        }

        return tests.Any(t => t.Invocations > 1 || t.RetryReasons is { Count: > 0 }) ? TestOutcome.Flaky : TestOutcome.Passed;
    }

    private static TestOutcome Playwright(PlaywrightReport.Suite suite)
    {
        var outcome = TestOutcome.Passed;
        foreach (var test in (suite.Specs ?? []).SelectMany(s => s?.Tests ?? []).OfType<PlaywrightReport.Test>())
        {
            outcome = Worst(outcome, test.Status switch { "unexpected" => TestOutcome.Failed, "flaky" => TestOutcome.Flaky, _ => TestOutcome.Passed });
        }

        foreach (var nested in (suite.Suites ?? []).OfType<PlaywrightReport.Suite>())
        {
            outcome = Worst(outcome, Playwright(nested));
        }

        return outcome;
    }

    private static List<(string, TestOutcome)> ReadJUnit(string xml)
    {
        // No DTDs: a report is data, and entity expansion is an attack.
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var doc = XDocument.Load(reader);
        var entries = new List<(string, TestOutcome)>();
        foreach (var testcase in doc.Descendants("testcase"))
        {
            var file = (string?)testcase.Attribute("file") ?? (string?)testcase.Parent?.Attribute("file") ?? (string?)testcase.Attribute("classname") ?? (string?)testcase.Parent?.Attribute("name");
            if (file is null)
            {
                continue;
            }

            var failed = testcase.Elements().Any(e => e.Name.LocalName is "failure" or "error");
            var retried = testcase.Elements().Any(e => e.Name.LocalName is "flakyFailure" or "flakyError" or "rerunFailure" or "rerunError");
            entries.Add((file, failed ? TestOutcome.Failed : retried ? TestOutcome.Flaky : TestOutcome.Passed));
        }

        return entries;
    }
}
