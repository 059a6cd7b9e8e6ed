namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>Where test support code lives: helpers and fixtures there belong to the tests, not to the sources under test.</summary>
public static class TestSupport
{
    private static readonly HashSet<string> Folders = new(StringComparer.Ordinal)
    {
        "__tests__", "__test__", "test", "tests", "e2e", "spec", "specs", "__mocks__", "__fixtures__", "fixtures", "testing", "test-utils", "test-helpers", "__snapshots__",
    };

    /// <summary>Whether a folder of <paramref name="file"/>'s path is a test-support folder (<c>__tests__/</c>, <c>e2e/</c>, <c>fixtures/</c>…).</summary>
    public static bool IsSupportPath(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        for (int start = 0, slash; (slash = file.IndexOf('/', start)) >= 0; start = slash + 1)
        {
            if (Folders.Contains(file[start..slash]))
            {
                return true;
            }
        }

        return false;
    }
}
