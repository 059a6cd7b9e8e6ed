namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>
/// Impact data turned around for planning: per source file, which tests executed it and how. Built once per data file
/// (evaluate mode plans hundreds of commits with one), read only.
/// </summary>
public sealed class ImpactIndex
{
    private readonly Dictionary<string, int> files;
    private readonly List<(int Test, int Pattern)>[] users;

    /// <summary>Indexes <paramref name="data"/>; covers pointing outside its tables are ignored (the file is hostile until proven otherwise).</summary>
    public ImpactIndex(ImpactData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        files = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < data.Files.Count; i++)
        {
            files.TryAdd(data.Files[i].Path, i);
        }

        users = new List<(int, int)>[data.Files.Count];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = [];
        }

        for (var t = 0; t < data.Tests.Count; t++)
        {
            var covers = data.Tests[t].Covers;
            for (var c = 0; c + 1 < covers.Count; c += 2)
            {
                if (covers[c] >= 0 && covers[c] < users.Length && covers[c + 1] >= 0 && covers[c + 1] < data.Files[covers[c]].Patterns.Count)
                {
                    users[covers[c]].Add((t, covers[c + 1]));
                }
            }
        }

        Tests = data.Tests.Select(t => t.Path).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The data.</summary>
    public ImpactData Data { get; }

    /// <summary>Every test the data has a record of.</summary>
    public IReadOnlySet<string> Tests { get; }

    /// <summary>The file's record, or null when no test executed it at the analysed commit.</summary>
    public ImpactSourceFile? File(string path) => files.TryGetValue(path, out var i) ? Data.Files[i] : null;

    /// <summary>The tests that executed <paramref name="path"/>, each with the pattern it executed.</summary>
    public IEnumerable<(string Test, ImpactPattern Pattern)> Executors(string path) =>
        files.TryGetValue(path, out var i) ? users[i].Select(u => (Data.Tests[u.Test].Path, Data.Files[i].Patterns[u.Pattern])) : [];

    /// <summary>Tests whose last <paramref name="runs"/> outcomes hold one of <paramref name="letters"/>, with those outcomes.</summary>
    public IReadOnlyList<(string Test, string Outcomes)> WithRecent(int runs, string letters) =>
        [.. Data.Tests.Select(t => (t.Path, Recent: t.Outcomes.Length > runs ? t.Outcomes[^runs..] : t.Outcomes))
            .Where(t => t.Recent.Any(letters.Contains))];
}
