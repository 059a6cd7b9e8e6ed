using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Bookiji.Actions.PredictTests.Durations;

/// <summary>
/// Reads historical test durations per test file from a Playwright JSON report or a JUnit XML report
/// (Jest, Vitest, Playwright and most runners write one), in seconds.
/// </summary>
public static class DurationReader
{
    /// <summary>Durations by file, or a problem (the plan then balances shards by count).</summary>
    public static (IReadOnlyDictionary<string, double> Durations, string? Problem) Read(string path, string repositoryRoot)
    {
        if (!File.Exists(path))
        {
            return (new Dictionary<string, double>(), $"{path} does not exist; shards are balanced by test count.");
        }

        var text = File.ReadAllText(path);
        try
        {
            var durations = text.TrimStart().StartsWith('<') ? ReadJUnit(text) : ReadPlaywright(text);
            return (durations.ToDictionary(d => Relative(d.Key, repositoryRoot), d => Math.Round(d.Value, 3)), durations.Count == 0 ? $"{path} holds no test durations." : null);
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException or FormatException)
        {
            return (new Dictionary<string, double>(), $"{path} is neither a Playwright JSON nor a JUnit XML report ({ex.Message}); shards are balanced by test count.");
        }
    }

    private static Dictionary<string, double> ReadPlaywright(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var root = doc.RootElement;
        var testDir = root.TryGetProperty("config", out var config) && config.TryGetProperty("rootDir", out var rd) && rd.ValueKind == JsonValueKind.String ? rd.GetString() : null;
        if (root.TryGetProperty("suites", out var suites))
        {
            foreach (var suite in suites.EnumerateArray())
            {
                var file = suite.TryGetProperty("file", out var f) ? f.GetString() : null;
                if (file is null)
                {
                    continue;
                }

                var key = testDir is null ? file : Path.Combine(testDir, file);
                totals[key] = totals.GetValueOrDefault(key) + SumSuite(suite) / 1000.0;
            }
        }

        return totals;
    }

    private static double SumSuite(JsonElement suite)
    {
        double ms = 0;
        if (suite.TryGetProperty("specs", out var specs))
        {
            foreach (var spec in specs.EnumerateArray())
            {
                if (!spec.TryGetProperty("tests", out var tests))
                {
                    continue;
                }

                foreach (var test in tests.EnumerateArray())
                {
                    if (test.TryGetProperty("results", out var results))
                    {
                        ms += results.EnumerateArray().Sum(r => r.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : 0);
                    }
                }
            }
        }

        if (suite.TryGetProperty("suites", out var children))
        {
            ms += children.EnumerateArray().Sum(SumSuite);
        }

        return ms;
    }

    private static Dictionary<string, double> ReadJUnit(string xml)
    {
        var doc = XDocument.Parse(xml);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var testcase in doc.Descendants("testcase"))
        {
            var file = (string?)testcase.Attribute("file") ?? (string?)testcase.Parent?.Attribute("file") ?? (string?)testcase.Parent?.Attribute("name");
            if (file is null)
            {
                continue;
            }

            var seconds = double.TryParse((string?)testcase.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : 0;
            totals[file] = totals.GetValueOrDefault(file) + seconds;
        }

        return totals;
    }

    private static string Relative(string file, string root)
    {
        var normalized = file.Replace('\\', '/');
        if (Path.IsPathRooted(normalized))
        {
            normalized = Path.GetRelativePath(root, normalized).Replace('\\', '/');
        }

        return normalized.StartsWith("./", StringComparison.Ordinal) ? normalized[2..] : normalized;
    }
}
