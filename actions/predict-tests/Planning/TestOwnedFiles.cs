using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>
/// Files that belong to the tests rather than to the product. Setup files named in a runner config (and what
/// they import) run before every test; fixture and mock folders (<c>fixtures/</c>, <c>__fixtures__/</c>,
/// <c>__mocks__/</c>) are read by the tests beside them, often through <c>fs</c> rather than an import.
/// </summary>
public static class TestOwnedFiles
{
    private static readonly string[] FixtureSegments = ["__fixtures__/", "fixtures/", "__mocks__/", "__testfixtures__/"];
    private static readonly string[] TestSegments = ["test/", "tests/", "__tests__/", "__test__/", "test-utils/", "testing/", "e2e/", "spec/", .. FixtureSegments];

    /// <summary>
    /// Every setup file, and every test-support file it imports (transitively, through test folders only) →
    /// why, and the folder of the config naming it: its tests all run that file. Product code a setup file
    /// imports is left to the import graph: following it made nearly every change run everything in the
    /// measured repositories, and product code no test imports is uncovered, which runs everything anyway.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Reason, string Scope)> SetupClosure(ImportGraph? graph)
    {
        var closure = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (graph is null)
        {
            return closure;
        }

        foreach (var (setup, config) in graph.SetupFiles)
        {
            var scope = config.LastIndexOf('/') is var slash and >= 0 ? config[..slash] : string.Empty;
            closure.TryAdd(setup, ($"{setup}: a setup file named in {config} (every test it configures runs it)", scope));
            foreach (var imported in graph.ReachedFrom([setup], IsTestSupport))
            {
                closure.TryAdd(imported, ($"{imported}: imported by {setup}, a setup file named in {config} (every test it configures runs it)", scope));
            }
        }

        return closure;
    }

    /// <summary>Whether a file lives in a test folder (helpers, mocks, fixtures): setup closures follow only these.</summary>
    public static bool IsTestSupport(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TestSegments.Any(s => path.StartsWith(s, StringComparison.Ordinal) || path.Contains("/" + s, StringComparison.Ordinal));
    }

    /// <summary>The tests owning a fixture/mock file: those under the folder holding the fixture folder.</summary>
    public static IReadOnlyList<string> FixtureOwners(string path, IReadOnlySet<string> tests)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tests);
        foreach (var segment in FixtureSegments)
        {
            var at = path.StartsWith(segment, StringComparison.Ordinal) ? 0 : path.IndexOf("/" + segment, StringComparison.Ordinal) is var i and >= 0 ? i + 1 : -1;
            if (at >= 0)
            {
                var owner = path[..at];
                return [.. tests.Where(t => t.StartsWith(owner, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
            }
        }

        return [];
    }
}
