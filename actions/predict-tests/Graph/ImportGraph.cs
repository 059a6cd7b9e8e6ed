namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Which files import which, reversed: from a changed module, walk up to every test that imports it
/// directly or transitively, keeping the shortest import chain as the reason.
/// </summary>
public sealed partial class ImportGraph
{
    private readonly Dictionary<string, List<string>> _importers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _imports = new(StringComparer.Ordinal);

    // A file that imports names through a barrel depends on the barrel's text (which names it re-exports from
    // where), not on everything the barrel re-exports: a separate kind of edge, followed only from a changed barrel.
    private readonly Dictionary<string, List<string>> _textImporters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _textImports = new(StringComparer.Ordinal);

    // The barrel a traced edge passed through, shown in the chain so that a reason still reads "imports the barrel → …".
    private readonly Dictionary<(string From, string To), string> _via = [];

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

    /// <summary>The repository's packages and how they depend on each other (empty for a graph built without manifests).</summary>
    public PackageMap Packages { get; private set; } = new([]);

    /// <summary>Imports naming a repository path that matches no file, as (importing file, specifier).</summary>
    public IReadOnlyList<(string File, string Specifier)> Unresolved { get; private set; } = [];

    /// <summary>Builds a plain file graph from each file's specifiers (every import taken whole).</summary>
    public static ImportGraph Build(IReadOnlyDictionary<string, IReadOnlyList<string>> specifiersByFile, ModuleResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(specifiersByFile);
        return Build(specifiersByFile.ToDictionary(p => p.Key, p => ModuleFacts.Whole(p.Value), StringComparer.Ordinal), resolver, traceReExports: false);
    }

    /// <summary>
    /// Builds the graph from each file's facts. An import of a local package whose entry is not in the
    /// repository becomes an edge to a node standing for the whole package (which imports every file of it), and
    /// an unresolved path an edge to the files it could still mean: both err towards more tests. With
    /// <paramref name="traceReExports"/>, names imported from a barrel become edges to the files that declare them,
    /// plus a text dependency on each barrel passed (see <see cref="DependentTests"/>).
    /// </summary>
    public static ImportGraph Build(IReadOnlyDictionary<string, ModuleFacts> factsByFile, ModuleResolver resolver, bool traceReExports)
    {
        ArgumentNullException.ThrowIfNull(factsByFile);
        ArgumentNullException.ThrowIfNull(resolver);
        var graph = new ImportGraph(factsByFile.Count, 0);
        var unresolved = new List<(string, string)>();
        var wholePackages = new HashSet<LocalPackage>();
        var tracer = traceReExports ? new ReExportTracer(factsByFile, resolver) : null;
        var packages = new PackageMap(resolver.Packages);
        var closed = new HashSet<LocalPackage>(); // packages whose dependency edges are in: each closure is walked once
        foreach (var (file, facts) in factsByFile)
        {
            // A file that loads a package's build at run time (`new URL('../../dist/pkg.js', import.meta.url)`) has
            // no import of its sources: it depends on the whole package and on the packages its build bundles.
            // A relative path naming a file of the repository (`new Worker(new URL('./worker.ts', import.meta.url))`,
            // a fixture, a template) is an edge to it.
            foreach (var literal in facts.RelativePaths ?? [])
            {
                var path = ModuleResolver.Join(ModuleResolver.DirectoryOf(file), literal);
                if (path.Length == 0)
                {
                    continue;
                }

                if (resolver.Resolve(file, literal) is { } target)
                {
                    graph.AddEdge(file, target);
                }
                else if (packages.BuildOutputOf(path) is { } built)
                {
                    graph.AddEdge(file, built.WholeNode);
                    AddBuildClosure(graph, packages, built, wholePackages, closed);
                }
            }

            foreach (var use in facts.Imports)
            {
                var resolution = resolver.ResolveAll(file, use.Specifier);
                if (resolution.Unresolved)
                {
                    unresolved.Add((file, use.Specifier));
                }

                if (tracer is not null && use.Clause is not null && !facts.IsBarrel
                    && resolution is { Files: [var barrel], WholePackage: null } && tracer.IsBarrel(barrel)
                    && use.Names is { } names && tracer.Trace(barrel, names) is var (providers, barrels))
                {
                    foreach (var provider in providers)
                    {
                        graph.AddEdge(file, provider);
                        graph._via.TryAdd((file, provider), barrel);
                    }

                    foreach (var passed in barrels)
                    {
                        graph.AddTextEdge(file, passed);
                    }

                    continue;
                }

                foreach (var target in resolution.Files)
                {
                    graph.AddEdge(file, target);
                }

                if (resolution.WholePackage is { } package)
                {
                    // Its entry is its build (dist/…): that runs the code of the packages it depends on as well.
                    graph.AddEdge(file, package.WholeNode);
                    AddBuildClosure(graph, packages, package, wholePackages, closed);
                }
            }
        }

        foreach (var package in wholePackages)
        {
            // A package's build holds its sources, not its tests' helpers and fixtures (an e2e page under __tests__/).
            foreach (var member in resolver.FilesUnder(package.Directory).Where(m => !TestSupport.IsSupportPath(m[package.Directory.Length..])))
            {
                graph.AddEdge(package.WholeNode, member);
            }
        }

        graph.Packages = packages;
        graph.Unresolved = [.. unresolved.OrderBy(u => u.Item1, StringComparer.Ordinal).ThenBy(u => u.Item2, StringComparer.Ordinal)];
        return graph;
    }

    /// <summary>A package's build bundles its workspace dependencies: its whole node depends on theirs, transitively.</summary>
    private static void AddBuildClosure(ImportGraph graph, PackageMap packages, LocalPackage built, HashSet<LocalPackage> wholePackages, HashSet<LocalPackage> closed)
    {
        var queue = new Queue<LocalPackage>([built]);
        while (queue.TryDequeue(out var package))
        {
            if (!closed.Add(package))
            {
                continue;
            }

            wholePackages.Add(package);
            foreach (var dependency in packages.DependenciesOf(package))
            {
                graph.AddEdge(package.WholeNode, dependency.WholeNode);
                queue.Enqueue(dependency);
            }
        }
    }

    /// <summary>The same graph, knowing the runners' setup files.</summary>
    public ImportGraph WithSetupFiles(IReadOnlyDictionary<string, string> setupFiles)
    {
        SetupFiles = setupFiles ?? throw new ArgumentNullException(nameof(setupFiles));
        return this;
    }

    private void AddTextEdge(string from, string barrel) => Link(_textImporters, _textImports, from, barrel);

    private void AddEdge(string from, string to) => Link(_importers, _imports, from, to);

    private void Link(Dictionary<string, List<string>> reverse, Dictionary<string, List<string>> forward, string from, string to)
    {
        if (from == to)
        {
            return;
        }

        Add(reverse, to, from);
        Add(forward, from, to);
        EdgeCount++;
    }

    private static void Add(Dictionary<string, List<string>> edges, string key, string value)
    {
        if (!edges.TryGetValue(key, out var list))
        {
            edges[key] = list = [];
        }

        list.Add(value);
    }
}
