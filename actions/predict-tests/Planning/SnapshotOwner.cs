namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>
/// Snapshot files belong to the test that wrote them: Jest/Vitest <c>dir/__snapshots__/x.test.ts.snap</c> to
/// <c>dir/x.test.ts</c>, Playwright <c>dir/x.spec.ts-snapshots/…</c> to <c>dir/x.spec.ts</c>. A changed snapshot
/// selects its test instead of counting as uncovered source (which ran everything).
/// </summary>
public static class SnapshotOwner
{
    private const string JestFolder = "__snapshots__/";
    private const string PlaywrightSuffix = "-snapshots/";

    /// <summary>The test owning <paramref name="path"/>, when it is a snapshot of an existing test.</summary>
    public static string? Find(string path, IReadOnlySet<string> tests)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tests);
        var jest = path.LastIndexOf(JestFolder, StringComparison.Ordinal);
        if (jest >= 0 && (jest == 0 || path[jest - 1] == '/') && path.EndsWith(".snap", StringComparison.Ordinal))
        {
            var test = path[..jest] + path[(jest + JestFolder.Length)..^".snap".Length];
            return tests.Contains(test) ? test : null;
        }

        var playwright = path.IndexOf(PlaywrightSuffix, StringComparison.Ordinal);
        if (playwright > 0)
        {
            var test = path[..playwright];
            return tests.Contains(test) ? test : null;
        }

        return null;
    }
}
