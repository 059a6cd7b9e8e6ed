namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// The repository's packages as Nx and Turborepo see them: which package owns a file (the nearest folder above it
/// with a named <c>package.json</c>), which packages depend on which (any dependency field naming a package of the
/// repository), and what a change affects: its packages and every package that depends on them, transitively.
/// </summary>
public sealed class PackageMap
{
    private readonly IReadOnlyList<LocalPackage> _byDepth; // deepest first, so the first folder that holds a file owns it
    private readonly Dictionary<string, HashSet<string>> _dependents; // package folder → folders of packages that depend on it
    private readonly Dictionary<string, HashSet<string>> _dependencies; // package folder → folders of the packages it depends on
    private readonly Dictionary<string, LocalPackage> _byFolder;
    private readonly Dictionary<string, IReadOnlySet<string>> _outputFolders; // read once: BuildOutputOf runs per path literal

    /// <summary>The map of <paramref name="packages"/>.</summary>
    public PackageMap(IEnumerable<LocalPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        _byDepth = [.. packages.GroupBy(p => p.Directory, StringComparer.Ordinal).Select(g => g.First()).OrderByDescending(p => p.Directory.Length).ThenBy(p => p.Directory, StringComparer.Ordinal)];
        var byName = _byDepth.Where(p => p.Manifest.Name is { Length: > 0 }).GroupBy(p => p.Manifest.Name!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byFolder = _byDepth.ToDictionary(p => p.Directory, StringComparer.Ordinal);
        _outputFolders = _byDepth.ToDictionary(p => p.Directory, p => p.Manifest.OutputFolders, StringComparer.Ordinal);
        _dependents = _byDepth.ToDictionary(p => p.Directory, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        _dependencies = _byDepth.ToDictionary(p => p.Directory, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var package in _byDepth)
        {
            foreach (var name in package.Manifest.DependencyNames)
            {
                if (byName.TryGetValue(name, out var dependency) && dependency.Directory != package.Directory)
                {
                    _dependents[dependency.Directory].Add(package.Directory);
                    _dependencies[package.Directory].Add(dependency.Directory);
                }
            }
        }
    }

    /// <summary>The packages, deepest folder first.</summary>
    public IReadOnlyList<LocalPackage> Packages => _byDepth;

    /// <summary>Whether the repository has more than one package (a monorepo): only then does a package rule narrow anything.</summary>
    public bool IsMonorepo => _byDepth.Count > 1;

    /// <summary>The package that owns <paramref name="file"/>, or null when no package folder holds it.</summary>
    public LocalPackage? OwnerOf(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _byDepth.FirstOrDefault(p => p.Directory.Length == 0 || file.StartsWith(p.Directory + "/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The folders of the packages <paramref name="changedFiles"/> affect: their owners and every package that depends
    /// on one of them, transitively. A file no package owns affects every package.
    /// </summary>
    public IReadOnlySet<string> Affected(IEnumerable<string> changedFiles)
    {
        ArgumentNullException.ThrowIfNull(changedFiles);
        var affected = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var file in changedFiles)
        {
            if (OwnerOf(file) is not { } owner)
            {
                return _byDepth.Select(p => p.Directory).ToHashSet(StringComparer.Ordinal);
            }

            if (affected.Add(owner.Directory))
            {
                queue.Enqueue(owner.Directory);
            }
        }

        while (queue.TryDequeue(out var folder))
        {
            foreach (var dependent in _dependents[folder])
            {
                if (affected.Add(dependent))
                {
                    queue.Enqueue(dependent);
                }
            }
        }

        return affected;
    }

    /// <summary>The packages <paramref name="package"/> depends on within the repository, directly.</summary>
    public IEnumerable<LocalPackage> DependenciesOf(LocalPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return _dependencies.TryGetValue(package.Directory, out var folders) ? folders.Select(f => _byFolder[f]) : [];
    }

    /// <summary>The tests owned by one of the <paramref name="packages"/> (folders), in order.</summary>
    public IReadOnlyList<string> TestsOf(IReadOnlySet<string> packages, IEnumerable<string> allTests)
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(allTests);
        return [.. allTests.Where(t => OwnerOf(t) is { } owner && packages.Contains(owner.Directory)).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The package whose build output <paramref name="path"/> (a repository path) names — under one of the package's
    /// <see cref="PackageJson.OutputFolders"/> — or null.
    /// </summary>
    public LocalPackage? BuildOutputOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var package in _byDepth)
        {
            var rest = package.Directory.Length == 0 ? path : path.StartsWith(package.Directory + "/", StringComparison.Ordinal) ? path[(package.Directory.Length + 1)..] : null;
            if (rest is null)
            {
                continue;
            }

            var first = rest.Contains('/', StringComparison.Ordinal) ? rest[..rest.IndexOf('/', StringComparison.Ordinal)] : rest;
            return _outputFolders[package.Directory].Contains(first) ? package : null; // the deepest package holding the path decides
        }

        return null;
    }
}
