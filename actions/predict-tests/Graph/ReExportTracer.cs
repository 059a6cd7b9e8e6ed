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
    private readonly Dictionary<(string, string), string?> _targets = [];

    /// <summary>The names' providers and the barrels passed through, or <c>null</c> when any name cannot be placed.</summary>
    public (HashSet<string> Providers, HashSet<string> Barrels)? Trace(string barrel, IEnumerable<string> names)
    {
        var providers = new HashSet<string>(StringComparer.Ordinal);
        var barrels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!TraceName(barrel, name, providers, barrels, 0))
            {
                return null;
            }
        }

        return (providers, barrels);
    }

    /// <summary>Whether <paramref name="file"/> is a barrel whose names can be traced.</summary>
    public bool IsBarrel(string file) => facts.TryGetValue(file, out var f) && f.IsBarrel;

    private bool TraceName(string file, string name, HashSet<string> providers, HashSet<string> barrels, int depth)
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
                if (Target(file, reExport.Specifier) is not { } target)
                {
                    return false;
                }

                if (imported == "*")
                {
                    providers.Add(target); // `export * as ns`: the whole target
                    return true;
                }

                // The target must export it; when we cannot see how, the whole target is still the right edge.
                if (!TraceName(target, imported, providers, barrels, depth + 1))
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

        foreach (var reExport in module.ReExports.Where(r => r.IsStar))
        {
            if (Target(file, reExport.Specifier) is { } target && ExportsOf(target, 0).Names.Contains(name))
            {
                return TraceName(target, name, providers, barrels, depth + 1);
            }
        }

        return false;
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
            else if (Target(file, reExport.Specifier) is { } target)
            {
                var inner = ExportsOf(target, depth + 1);
                names.UnionWith(inner.Names.Where(n => n != "default"));
                open |= inner.Open;
            }
            else
            {
                open = true;
            }
        }

        return _exports[file] = new Exports(names, open);
    }

    /// <summary>The one repository file a specifier names from a file, or <c>null</c> (external, ambiguous, unresolved).</summary>
    private string? Target(string from, string specifier)
    {
        if (!_targets.TryGetValue((from, specifier), out var target))
        {
            var resolution = resolver.ResolveAll(from, specifier);
            target = resolution is { Files.Count: 1, WholePackage: null, Unresolved: false } ? resolution.Files[0] : null;
            _targets[(from, specifier)] = target;
        }

        return target;
    }

    private sealed record Exports(HashSet<string> Names, bool Open);
}
