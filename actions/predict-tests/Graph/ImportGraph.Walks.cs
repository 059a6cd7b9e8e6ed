namespace Bookiji.Actions.PredictTests.Graph;

public sealed partial class ImportGraph
{
    /// <summary>
    /// Every file some test imports directly or transitively (one forward walk from all tests): a changed file
    /// outside this set reaches no test through imports.
    /// </summary>
    public HashSet<string> ReachedFrom(IEnumerable<string> tests) => ReachedFrom(tests, _ => true);

    /// <summary>
    /// Every file reached from <paramref name="roots"/> through files that <paramref name="follow"/> accepts. Barrels
    /// imported by name count with all they re-export: <see cref="DependentTests"/> falls back to their importers for
    /// a changed file no test reaches more precisely, so such a file is never left without a test.
    /// </summary>
    public HashSet<string> ReachedFrom(IEnumerable<string> roots, Func<string, bool> follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(roots);
        while (stack.Count > 0)
        {
            var file = stack.Pop();
            foreach (var target in Targets(_imports, file).Concat(Targets(_textImports, file)))
            {
                if (follow(target) && reached.Add(target))
                {
                    stack.Push(target);
                }
            }
        }

        return reached;
    }

    /// <summary>
    /// Every test reached from <paramref name="changed"/> by reverse import edges, with its chain
    /// (test first, changed file last). A changed barrel reaches the files that import names through it; a changed
    /// file that only barrels lead to (no test imports a name it provides) reaches every importer of those barrels,
    /// as a plain file graph would.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DependentTests(IEnumerable<string> changed, Func<string, bool> isTest)
    {
        ArgumentNullException.ThrowIfNull(isTest);
        var roots = changed.Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Walk(roots, isTest, found, throughBarrels: false);
        if (_textImporters.Count > 0)
        {
            var reachedRoots = found.Values.Select(chain => chain[^1]).ToHashSet(StringComparer.Ordinal);
            foreach (var file in roots.Where(f => !reachedRoots.Contains(f) && NeedsBarrelFallback(f, isTest)))
            {
                Walk([file], isTest, found, throughBarrels: true);
            }
        }

        return found;
    }

    /// <summary>Whether no test reaches <paramref name="file"/> by plain edges while a barrel imported by name does.</summary>
    private bool NeedsBarrelFallback(string file, Func<string, bool> isTest)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { file };
        var queue = new Queue<string>([file]);
        var barrel = false;
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            barrel |= _textImporters.ContainsKey(at);
            foreach (var importer in Targets(_importers, at))
            {
                if (isTest(importer))
                {
                    return false;
                }

                if (seen.Add(importer))
                {
                    queue.Enqueue(importer);
                }
            }
        }

        return barrel;
    }

    /// <summary>One breadth-first reverse walk; a barrel's name importers are followed from the roots, or everywhere.</summary>
    private void Walk(IEnumerable<string> roots, Func<string, bool> isTest, Dictionary<string, IReadOnlyList<string>> found, bool throughBarrels)
    {
        var parent = new Dictionary<string, string?>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var file in roots)
        {
            if (parent.TryAdd(file, null))
            {
                queue.Enqueue(file);
            }
        }

        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            if (parent[file] is not null && isTest(file))
            {
                found.TryAdd(file, Chain(file, parent));
            }

            var next = Targets(_importers, file);
            if (throughBarrels || parent[file] is null)
            {
                next = next.Concat(Targets(_textImporters, file));
            }

            foreach (var importer in next)
            {
                if (parent.TryAdd(importer, file))
                {
                    queue.Enqueue(importer);
                }
            }
        }
    }

    /// <summary>Every file some import edge leads to (whole-package nodes included).</summary>
    public IEnumerable<string> ImportedFiles => _importers.Keys;

    /// <summary>The tests that reach any of <paramref name="roots"/> by import edges of any kind: one reverse walk.</summary>
    public HashSet<string> TestsReaching(IEnumerable<string> roots, Func<string, bool> isTest)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(isTest);
        var seen = roots.ToHashSet(StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        var tests = new HashSet<string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var file))
        {
            foreach (var importer in Targets(_importers, file).Concat(Targets(_textImporters, file)))
            {
                if (seen.Add(importer))
                {
                    if (isTest(importer))
                    {
                        tests.Add(importer);
                    }

                    queue.Enqueue(importer);
                }
            }
        }

        return tests;
    }

    private static IEnumerable<string> Targets(Dictionary<string, List<string>> edges, string file) =>
        edges.TryGetValue(file, out var list) ? list : [];

    private List<string> Chain(string test, Dictionary<string, string?> parent)
    {
        var chain = new List<string>();
        for (string? at = test; at is not null; at = parent[at])
        {
            chain.Add(at);
            if (parent[at] is { } next && _via.TryGetValue((at, next), out var barrel))
            {
                chain.Add(barrel);
            }
        }

        return chain;
    }
}
