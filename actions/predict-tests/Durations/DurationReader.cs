using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.PredictTests.Durations;

/// <summary>
/// Reads historical test durations per test file from a Playwright JSON report or a JUnit XML report
/// (Jest, Vitest, Playwright and most runners write one), in seconds. Spellings of one file (<c>a.spec.ts</c>,
/// <c>./a.spec.ts</c>, absolute) are summed under one key; durations that are not finite or outside
/// [0, <see cref="MaxSeconds"/>] are dropped and counted, so no sum reaches infinity.
/// </summary>
public static class DurationReader
{
    /// <summary>The largest report read.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>A test file's plausible maximum (one day).</summary>
    public const double MaxSeconds = 86_400;

    /// <summary>Durations by file, and problems (the plan then balances shards by count for files it lacks).</summary>
    public static async Task<(IReadOnlyDictionary<string, double> Durations, string? Problem)> ReadAsync(string path, string repositoryRoot, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return (new Dictionary<string, double>(), $"{path} does not exist; shards are balanced by test count.");
        }

        if (info.Length > MaxBytes)
        {
            return (new Dictionary<string, double>(), $"{path} is {info.Length:N0} bytes; reports over {MaxBytes:N0} bytes are not read; shards are balanced by test count.");
        }

        List<(string File, double Seconds)> entries;
        if (await StartsWithAngleAsync(path, cancellationToken))
        {
            try
            {
                entries = ReadJUnit(await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken));
            }
            catch (XmlException ex)
            {
                return (new Dictionary<string, double>(), $"{path} is not a JUnit XML report ({ex.Message}); shards are balanced by test count.");
            }
        }
        else
        {
            var report = await JsonFile.ReadAsync(path, PredictTestsJsonContext.Default.PlaywrightReport, MaxBytes, cancellationToken);
            if (report.Value is null)
            {
                return (new Dictionary<string, double>(), $"{report.Message} It is neither a Playwright JSON nor a JUnit XML report; shards are balanced by test count.");
            }

            entries = ReadPlaywright(report.Value);
        }

        return Totals(entries, repositoryRoot, path);
    }

    /// <summary>Sums per file under one spelling and drops implausible values, saying how many.</summary>
    internal static (IReadOnlyDictionary<string, double> Durations, string? Problem) Totals(IEnumerable<(string File, double Seconds)> entries, string repositoryRoot, string source)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (file, seconds) in entries)
        {
            var key = Relative(file, repositoryRoot);
            totals[key] = totals.GetValueOrDefault(key) + (double.IsFinite(seconds) ? seconds : double.PositiveInfinity);
        }

        var implausible = totals.Where(t => !double.IsFinite(t.Value) || t.Value < 0 || t.Value > MaxSeconds).Select(t => t.Key).ToList();
        foreach (var key in implausible)
        {
            totals.Remove(key);
        }

        var rounded = totals.ToDictionary(t => t.Key, t => Math.Round(t.Value, 3), StringComparer.Ordinal);
        var problems = new List<string>();
        if (implausible.Count > 0)
        {
            problems.Add($"{source}: {implausible.Count} test file(s) have durations outside 0–{MaxSeconds:N0} s or not finite (e.g. {implausible[0]}); they get the median");
        }

        if (rounded.Count == 0)
        {
            problems.Add($"{source} holds no usable test durations");
        }

        return (rounded, problems.Count == 0 ? null : string.Join("; ", problems) + ".");
    }

    private static async Task<bool> StartsWithAngleAsync(string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAsync(buffer, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<');
    }

    private static List<(string, double)> ReadPlaywright(PlaywrightReport report)
    {
        var entries = new List<(string, double)>();
        var testDir = report.Config?.RootDir;
        foreach (var suite in report.Suites ?? [])
        {
            if (suite?.File is { Length: > 0 } file)
            {
                entries.Add((testDir is null ? file : Path.Combine(testDir, file), SumSuite(suite) / 1000.0));
            }
        }

        return entries;
    }

    private static double SumSuite(PlaywrightReport.Suite suite) =>
        (suite.Specs ?? []).SelectMany(s => s?.Tests ?? []).SelectMany(t => t?.Results ?? []).Sum(r => r?.Duration ?? 0)
        + (suite.Suites ?? []).Sum(s => s is null ? 0 : SumSuite(s));

    private static List<(string, double)> ReadJUnit(string xml)
    {
        // No DTDs: a report is data, and entity expansion is an attack.
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var doc = XDocument.Load(reader);
        var entries = new List<(string, double)>();
        foreach (var testcase in doc.Descendants("testcase"))
        {
            var file = (string?)testcase.Attribute("file") ?? (string?)testcase.Parent?.Attribute("file") ?? (string?)testcase.Parent?.Attribute("name");
            if (file is null)
            {
                continue;
            }

            var seconds = double.TryParse((string?)testcase.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : 0;
            entries.Add((file, seconds));
        }

        return entries;
    }

    private static string Relative(string file, string root)
    {
        var normalized = file.Replace('\\', '/');
        if (Path.IsPathRooted(normalized))
        {
            normalized = Path.GetRelativePath(root, normalized).Replace('\\', '/');
        }

        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized;
    }
}
