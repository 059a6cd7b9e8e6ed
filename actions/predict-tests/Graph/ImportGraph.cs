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

    /// <summary>Setup files the test runners run before every test → the config naming them.</summary>
    public IReadOnlyDictionary<string, string> SetupFiles { get; private set; } = new Dictionary<string, string>();

    /// <summary>Imports naming a repository path that matches no file, as (importing file, specifier).</summary>
    public IReadOnlyList<(string File, string Specifier)> Unresolved { get; private set; } = [];

    /// <summary>
    /// Builds the graph from each file's specifiers. An import of a local package whose entry is not in the
    /// repository becomes an edge to a node standing for the whole package (which imports every file of it), and
    /// an unresolved path an edge to the files it could still mean: both err towards more tests.
    /// </summary>
    public static ImportGraph Build(IReadOnlyDictionary<string, IReadOnlyList<string>> specifiersByFile, ModuleResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(specifiersByFile);
        ArgumentNullException.ThrowIfNull(resolver);
        var graph = new ImportGraph(specifiersByFile.Count, 0);
        var unresolved = new List<(string, string)>();
        var wholePackages = new HashSet<LocalPackage>();
        foreach (var (file, specifiers) in specifiersByFile)
        {
            foreach (var specifier in specifiers)
            {
                var resolution = resolver.ResolveAll(file, specifier);
                if (resolution.Unresolved)
                {
                    unresolved.Add((file, specifier));
                }

                foreach (var target in resolution.Files)
                {
                    graph.AddEdge(file, target);
                }

                if (resolution.WholePackage is { } package)
                {
                    graph.AddEdge(file, package.WholeNode);
                    wholePackages.Add(package);
                }
            }
        }

        foreach (var package in wholePackages)
        {
            foreach (var member in resolver.FilesUnder(package.Directory))
            {
                graph.AddEdge(package.WholeNode, member);
            }
        }

        graph.Unresolved = [.. unresolved.OrderBy(u => u.Item1, StringComparer.Ordinal).ThenBy(u => u.Item2, StringComparer.Ordinal)];
        return graph;
    }

    /// <summary>The same graph, knowing the runners' setup files.</summary>
    public ImportGraph WithSetupFiles(IReadOnlyDictionary<string, string> setupFiles)
    {
        SetupFiles = setupFiles ?? throw new ArgumentNullException(nameof(setupFiles));
        return this;
    }

    private void AddEdge(string from, string to)
    {
        if (from == to)
        {
            return;
        }

        if (!_importers.TryGetValue(to, out var list))
        {
            _importers[to] = list = [];
        }

        list.Add(from);
        if (!_imports.TryGetValue(from, out var forward))
        {
            _imports[from] = forward = [];
        }

        forward.Add(to);
        EdgeCount++;
    }

    /// <summary>
    /// Every file some test imports directly or transitively (one forward walk from all tests): a changed file
    /// outside this set reaches no test through imports.
    /// </summary>
    public HashSet<string> ReachedFrom(IEnumerable<string> tests) => ReachedFrom(tests, _ => true);

    /// <summary>Every file reached from <paramref name="roots"/> through files that <paramref name="follow"/> accepts.</summary>
    public HashSet<string> ReachedFrom(IEnumerable<string> roots, Func<string, bool> follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(roots);
        while (stack.Count > 0)
        {
            var file = stack.Pop();
            if (_imports.TryGetValue(file, out var targets))
            {
                foreach (var target in targets)
                {
                    if (follow(target) && reached.Add(target))
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
