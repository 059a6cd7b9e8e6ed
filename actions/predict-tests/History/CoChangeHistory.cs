namespace Bookiji.Actions.PredictTests.History;

/// <summary>
/// The repository's past commits, newest first, each reduced to the files it changed: the evidence for which
/// tests change together with which files. Queries take a window (commits after an index), so evaluate mode can
/// plan each commit from strictly older history out of one read of the log.
/// </summary>
public sealed class CoChangeHistory
{
    private readonly IReadOnlyList<CoChangeCommit> _commits;
    private readonly Dictionary<string, List<int>> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _indexBySha = new(StringComparer.Ordinal);

    /// <summary>Indexes commits given newest first.</summary>
    public CoChangeHistory(IReadOnlyList<CoChangeCommit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        _commits = commits;
        for (var i = 0; i < commits.Count; i++)
        {
            _indexBySha.TryAdd(commits[i].Sha, i);
            foreach (var file in commits[i].Files)
            {
                if (!_byFile.TryGetValue(file, out var list))
                {
                    _byFile[file] = list = [];
                }

                list.Add(i);
            }
        }
    }

    /// <summary>How many commits were read.</summary>
    public int Count => _commits.Count;

    /// <summary>The position of a commit (0 = newest), or -1 when it was not read.</summary>
    public int IndexOf(string sha) => _indexBySha.GetValueOrDefault(sha, -1);

    /// <summary>
    /// The window of at most <paramref name="count"/> commits that follow position <paramref name="after"/>
    /// (-1: from the newest), i.e. strictly older ones.
    /// </summary>
    public CoChangeWindow Window(int after, int count) => new(this, after + 1, Math.Min(_commits.Count, after + 1 + count));

    internal IEnumerable<CoChangeCommit> Touching(IEnumerable<string> files, int from, int to)
    {
        var seen = new SortedSet<int>();
        foreach (var file in files)
        {
            foreach (var index in _byFile.GetValueOrDefault(file) ?? [])
            {
                if (index >= from && index < to)
                {
                    seen.Add(index);
                }
            }
        }

        return seen.Select(i => _commits[i]);
    }
}
