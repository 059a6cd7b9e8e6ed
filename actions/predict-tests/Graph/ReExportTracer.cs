namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Follows the names a file imports from a barrel through its re-exports to the files that declare them, so that
/// a test importing <c>{ QueryClient }</c> from a package's <c>index.ts</c> depends on <c>queryClient.ts</c> (and what
/// that imports), not on every file the index re-exports. Anything it cannot place with certainty — a name it does not
/// find, a target it cannot resolve to one file, a chain too deep — makes the caller keep the plain edge to the barrel.
/// </summary>
internal sealed class ReExportTracer(IReadOnlyDictionary<string, ModuleFacts> facts, ModuleResolver resolver)
{
    private const int MaxDepth = 16;
    private readonly Dictionary<string, Exports> _exports = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), (string?, bool)> _targets = [];

    /// <summary>The names' providers and the barrels passed through, or <c>null</c> when any name cannot be placed.</summary>
    public (HashSet<string> Providers, HashSet<string> Barrels)? Trace(string barrel, IEnumerable<string> names)
    {
        var providers = new HashSet<string>(StringComparer.Ordinal);
        var barrels = new HashSet<string>(StringComparer.Ordinal);
        var visits = new Dictionary<(string, string), bool?>();
        foreach (var name in names)
        {
            if (!TraceName(barrel, name, providers, barrels, visits, 0))
            {
                return null;
            }
        }

        return (providers, barrels);
    }

    /// <summary>Whether <paramref name="file"/> is a barrel whose names can be traced.</summary>
    public bool IsBarrel(string file) => facts.TryGetValue(file, out var f) && f.IsBarrel;

    // Each (file, name) is traced once per call: stars that all list a name may meet again below (a diamond of
    // barrels would otherwise be walked once per path), and a pair met while still being traced is a cycle.
    private bool TraceName(string file, string name, HashSet<string> providers, HashSet<string> barrels, Dictionary<(string, string), bool?> visits, int depth)
    {
        if (visits.TryGetValue((file, name), out var known))
        {
            return known ?? false;
        }

        visits[(file, name)] = null;
        return (visits[(file, name)] = TraceOnce(file, name, providers, barrels, visits, depth)).Value;
    }

    private bool TraceOnce(string file, string name, HashSet<string> providers, HashSet<string> barrels, Dictionary<(string, string), bool?> visits, int depth)
    {
        if (depth > MaxDepth || !facts.TryGetValue(file, out var module))
        {
            return false;
        }

        if (!module.IsBarrel)
        {
            // The name lives here or comes through here: the file's own edges carry the rest.
            providers.Add(file);
            return true;
        }

        barrels.Add(file);
        foreach (var reExport in module.ReExports.Where(r => !r.IsStar))
        {
            if (reExport.Names!.TryGetValue(name, out var imported))
            {
                if (Target(file, reExport.Specifier).File is not { } target)
                {
                    return false;
                }

                if (imported == "*")
                {
                    providers.Add(target); // `export * as ns`: the whole target
                    return true;
                }

                // The target must export it; when we cannot see how, the whole target is still the right edge.
                if (!TraceName(target, imported, providers, barrels, visits, depth + 1))
                {
                    providers.Add(target);
                }

                return true;
            }
        }

        if (name == "default")
        {
            return false; // `export *` never passes a default on
        }

        // Every star that may provide the name is followed: export lists are read by regex (a commented-out
        // declaration counts), so the first one that lists it is not certainly the one that provides it. A star
        // whose list may be incomplete, or that names a repository file we cannot place, could be the provider.
        var claimants = new List<string>();
        foreach (var reExport in module.ReExports.Where(r => r.IsStar))
        {
            var (target, external) = Target(file, reExport.Specifier);
            if (target is null)
            {
                if (!external)
                {
                    return false;
                }
            }
            else if (ExportsOf(target, 0) is var exports && exports.Names.Contains(name))
            {
                claimants.Add(target);
            }
            else if (exports.Open)
            {
                return false;
            }
        }

        return claimants.Count > 0 && claimants.All(target => TraceName(target, name, providers, barrels, visits, depth + 1));
    }

    /// <summary>Every name a file exports (own, re-exported, through stars), and whether that list may be incomplete.</summary>
    private Exports ExportsOf(string file, int depth)
    {
        if (_exports.TryGetValue(file, out var known))
        {
            return known;
        }

        if (depth > MaxDepth || !facts.TryGetValue(file, out var module))
        {
            return new Exports(new HashSet<string>(StringComparer.Ordinal), true);
        }

        _exports[file] = new Exports(new HashSet<string>(StringComparer.Ordinal), true); // a cycle sees "incomplete"
        var names = new HashSet<string>(module.LocalExports, StringComparer.Ordinal);
        var open = false;
        foreach (var reExport in module.ReExports)
        {
            if (reExport.Names is { } map)
            {
                names.UnionWith(map.Keys);
            }
            else if (Target(file, reExport.Specifier) is ({ } target, _))
            {
                var inner = ExportsOf(target, depth + 1);
                names.UnionWith(inner.Names.Where(n => n != "default"));
                open |= inner.Open;
            }
            else
            {
                open |= !Target(file, reExport.Specifier).External; // a package's names never come from a repository file
            }
        }

        return _exports[file] = new Exports(names, open);
    }

    /// <summary>The one repository file a specifier names from a file, or <c>null</c> (external, ambiguous, unresolved), and whether it names an external package.</summary>
    private (string? File, bool External) Target(string from, string specifier)
    {
        if (!_targets.TryGetValue((from, specifier), out var target))
        {
            var resolution = resolver.ResolveAll(from, specifier);
            target = resolution is { Files.Count: 1, WholePackage: null, Unresolved: false } ? (resolution.Files[0], false)
                : (null, resolution is { Files.Count: 0, WholePackage: null, Unresolved: false });
            _targets[(from, specifier)] = target;
        }

        return target;
    }

    private sealed record Exports(HashSet<string> Names, bool Open);
}
