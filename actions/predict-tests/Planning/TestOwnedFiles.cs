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

    /// <summary>Every file a setup file is or imports → why it runs everything.</summary>
    public static IReadOnlyDictionary<string, string> SetupClosure(ImportGraph? graph)
    {
        var closure = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (setup, config) in graph?.SetupFiles ?? new Dictionary<string, string>())
        {
            closure.TryAdd(setup, $"{setup}: a setup file named in {config} (every test runs it)");
            foreach (var imported in graph!.ReachedFrom([setup]))
            {
                closure.TryAdd(imported, $"{imported}: imported by {setup}, a setup file named in {config} (every test runs it)");
            }
        }

        return closure;
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
