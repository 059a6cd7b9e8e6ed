namespace Bookiji.Actions.PredictTests.History;

/// <summary>The commits of a history the planner may learn from (all older than the planned change).</summary>
public sealed class CoChangeWindow
{
    private readonly CoChangeHistory _history;
    private readonly int _from;
    private readonly int _to;

    internal CoChangeWindow(CoChangeHistory history, int from, int to)
    {
        _history = history;
        _from = from;
        _to = Math.Max(from, to);
    }

    /// <summary>How many commits the window holds.</summary>
    public int Commits => _to - _from;

    /// <summary>
    /// The commits of the window that changed any of <paramref name="files"/> together with a test (as
    /// <paramref name="isTest"/> says), each as the set of tests it changed.
    /// </summary>
    public List<HashSet<string>> CoChanges(IEnumerable<string> files, Func<string, bool> isTest)
    {
        ArgumentNullException.ThrowIfNull(isTest);
        return [.. _history.Touching(files, _from, _to)
            .Select(c => c.Files.Where(isTest).ToHashSet(StringComparer.Ordinal))
            .Where(tests => tests.Count > 0)];
    }
}
