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
    /// For the commits of the window that changed any of <paramref name="files"/>: how often each test (as
    /// <paramref name="isTest"/> says) changed with them, and how many such commits changed any test at all.
    /// </summary>
    public (Dictionary<string, int> Weights, int Commits) CoChanges(IEnumerable<string> files, Func<string, bool> isTest)
    {
        ArgumentNullException.ThrowIfNull(isTest);
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        var commits = 0;
        foreach (var commit in _history.Touching(files, _from, _to))
        {
            var any = false;
            foreach (var test in commit.Files.Where(isTest))
            {
                weights[test] = weights.GetValueOrDefault(test) + 1;
                any = true;
            }

            commits += any ? 1 : 0;
        }

        return (weights, commits);
    }
}
