namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Which files import which, reversed: from a changed module, walk up to every test that imports it
/// directly or transitively, keeping the shortest import chain as the reason.
/// </summary>
public sealed class ImportGraph
{
    private readonly Dictionary<string, List<string>> _importers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _imports = new(StringComparer.Ordinal);

    private ImportGraph(int files, int edges)
    {
        FileCount = files;
        EdgeCount = edges;
    }

    /// <summary>How many source files were scanned.</summary>
    public int FileCount { get; }

    /// <summary>How many resolved import edges there are.</summary>
    public int EdgeCount { get; private set; }

    /// <summary>Builds the graph from each file's specifiers.</summary>
    public static ImportGraph Build(IReadOnlyDictionary<string, IReadOnlyList<string>> specifiersByFile, ModuleResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(specifiersByFile);
        ArgumentNullException.ThrowIfNull(resolver);
        var graph = new ImportGraph(specifiersByFile.Count, 0);
        var edges = 0;
        foreach (var (file, specifiers) in specifiersByFile)
        {
            foreach (var specifier in specifiers)
            {
                if (resolver.Resolve(file, specifier) is { } target && target != file)
                {
                    if (!graph._importers.TryGetValue(target, out var list))
                    {
                        graph._importers[target] = list = [];
                    }

                    list.Add(file);
                    if (!graph._imports.TryGetValue(file, out var forward))
                    {
                        graph._imports[file] = forward = [];
                    }

                    forward.Add(target);
                    edges++;
                }
            }
        }

        graph.EdgeCount = edges;
        return graph;
    }

    /// <summary>
    /// Every file some test imports directly or transitively (one forward walk from all tests): a changed file
    /// outside this set reaches no test through imports.
    /// </summary>
    public HashSet<string> ReachedFrom(IEnumerable<string> tests)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(tests);
        while (stack.Count > 0)
        {
            var file = stack.Pop();
            if (_imports.TryGetValue(file, out var targets))
            {
                foreach (var target in targets)
                {
                    if (reached.Add(target))
                    {
                        stack.Push(target);
                    }
                }
            }
        }

        return reached;
    }

    /// <summary>Whether anything imports <paramref name="file"/>.</summary>
    public bool HasImporters(string file) => _importers.ContainsKey(file);

    /// <summary>
    /// Every test reached from <paramref name="changed"/> by reverse import edges, with its chain
    /// (test first, changed file last).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DependentTests(IEnumerable<string> changed, Func<string, bool> isTest)
    {
        ArgumentNullException.ThrowIfNull(isTest);
        var parent = new Dictionary<string, string?>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var file in changed)
        {
            if (parent.TryAdd(file, null))
            {
                queue.Enqueue(file);
            }
        }

        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            if (parent[file] is not null && isTest(file))
            {
                found[file] = Chain(file, parent);
            }

            if (_importers.TryGetValue(file, out var importers))
            {
                foreach (var importer in importers)
                {
                    if (parent.TryAdd(importer, file))
                    {
                        queue.Enqueue(importer);
                    }
                }
            }
        }

        return found;
    }

    private static List<string> Chain(string test, Dictionary<string, string?> parent)
    {
        var chain = new List<string>();
        for (string? at = test; at is not null; at = parent[at])
        {
            chain.Add(at);
        }

        return chain;
    }
}
