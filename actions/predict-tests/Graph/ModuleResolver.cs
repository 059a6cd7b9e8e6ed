namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Resolves a specifier to repository files as Node, TypeScript and bundlers would: relative paths (a
/// <c>?query</c> dropped), the nearest <c>tsconfig.json</c>'s <c>baseUrl</c> and <c>paths</c> (with relative
/// <c>extends</c>), extension probing (including <c>.js</c> written for a <c>.ts</c> file) and <c>index</c>
/// files, and the packages of this repository (root and workspace members): self-reference and workspace
/// imports by name through <c>exports</c> (every condition), <c>main</c>/<c>module</c>/<c>source</c>, and
/// <c>#imports</c>. A bare import naming a local package it cannot follow depends on the whole package; any
/// other bare specifier is external.
/// </summary>
public sealed partial class ModuleResolver
{
    // .d.ts last: a declaration-only module (`./utils` → utils.d.ts) resolves, but where a .js sits beside it, the
    // .js is what runs.
    private static readonly string[] Probes = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json", ".vue", ".svelte", ".d.ts", ".d.mts", ".d.cts"];
    private readonly IReadOnlySet<string> _files;
    private readonly Lazy<string[]> _sorted;
    private readonly Lazy<Dictionary<string, List<string>>> _byName;
    private readonly IReadOnlyList<Scope> _scopes;
    private readonly IReadOnlyList<LocalPackage> _packages;
    private readonly IReadOnlyList<Scope> _runnerScopes;

    /// <summary>Creates a resolver over the repository's files (relative, '/'-separated) with one root tsconfig scope.</summary>
    public ModuleResolver(IReadOnlySet<string> files, string? baseUrl = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? paths = null)
        : this(files, [Scope.Create(string.Empty, baseUrl, paths)], [])
    {
    }

    private ModuleResolver(IReadOnlySet<string> files, IReadOnlyList<Scope> scopes, IReadOnlyList<LocalPackage> packages, IReadOnlyList<Scope>? runnerScopes = null)
    {
        // Vite/Vitest resolve.alias and jest moduleNameMapper, consulted alongside the nearest tsconfig's paths.
        _runnerScopes = [.. (runnerScopes ?? []).OrderByDescending(s => s.Directory.Length)];
        _files = files ?? throw new ArgumentNullException(nameof(files));
        _sorted = new(() => [.. files.Order(StringComparer.Ordinal)]);
        _byName = new(() => files.GroupBy(NameOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));

        // Deepest folder first: the nearest tsconfig / package wins.
        _scopes = [.. scopes.OrderByDescending(s => s.Directory.Length)];
        _packages = [.. packages.OrderByDescending(p => p.Directory.Length)];
    }

    /// <summary>The first file <paramref name="specifier"/> names from <paramref name="fromFile"/>, or <c>null</c>.</summary>
    public string? Resolve(string fromFile, string specifier) => ResolveAll(fromFile, specifier).Files.FirstOrDefault();

    /// <summary>Everything <paramref name="specifier"/> names from <paramref name="fromFile"/>.</summary>
    public Resolution ResolveAll(string fromFile, string specifier)
    {
        ArgumentNullException.ThrowIfNull(fromFile);
        ArgumentNullException.ThrowIfNull(specifier);
        if (specifier.StartsWith('.') || specifier.StartsWith('/'))
        {
            var path = specifier.StartsWith('/') ? Normalize(StripQuery(specifier)) : Join(DirectoryOf(fromFile), StripQuery(specifier));
            return Probe(path) is { } hit ? Found(hit) : new Resolution(NearNames(path), null, true);
        }

        if (specifier.StartsWith('#'))
        {
            return ResolveInternal(fromFile, specifier);
        }

        var scope = _scopes.FirstOrDefault(s => IsUnder(fromFile, s.Directory));

        // The runner applies its aliases before tsconfig paths: when both place the specifier, it depends on both.
        // Runner configs nearest first, down to the first one with a matching alias (a nested config often merges
        // the root one's aliases); every matching alias of it, since runners take the first one declared, an order
        // the longest-prefix-first scope no longer keeps.
        var hits = new List<string>();
        var aliased = AddAliasHits(scope, specifier, false, hits);
        foreach (var runner in _runnerScopes.Where(s => IsUnder(fromFile, s.Directory)))
        {
            if (AddAliasHits(runner, specifier, true, hits))
            {
                aliased = true;
                break;
            }
        }

        if (hits.Count > 0)
        {
            return new Resolution(hits, null, false);
        }

        if (scope?.BaseUrl is { } baseUrl && Probe(Join(baseUrl, specifier)) is { } fromBase)
        {
            return Found(fromBase);
        }

        if (ResolvePackage(specifier) is { } local)
        {
            return local;
        }

        // An alias we do not read (Vite resolve.alias, jest moduleNameMapper, SvelteKit's $lib) or one whose
        // target is missing: not a package name npm allows, so it names a repository file we cannot place. Link it
        // to the files whose path ends like its tail, so a change there still reaches this importer.
        return aliased || !IsPackageName(specifier) ? new Resolution(SameTail(specifier), null, true) : Resolution.External;
    }

    /// <summary>Whether <paramref name="specifier"/> could name an npm package (<c>name</c> or <c>@scope/name</c>, optional subpath) or a builtin.</summary>
    internal static bool IsPackageName(string specifier)
    {
        static bool Valid(string part) => part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '*' or '\'' or '(' or ')') && part[0] is not ('.' or '_' or '~');
        if (specifier.Contains(':', StringComparison.Ordinal))
        {
            return true; // node:fs, data:, virtual:… — never a repository file.
        }

        var parts = specifier.Split('/');
        return specifier.StartsWith('@') ? parts.Length >= 2 && Valid(parts[0][1..]) && Valid(parts[1]) : Valid(parts[0]);
    }

    private List<string> SameTail(string specifier)
    {
        var slash = specifier.IndexOf('/', StringComparison.Ordinal);
        var tail = slash < 0 ? string.Empty : Normalize(StripQuery(specifier[(slash + 1)..]));
        if (tail.Length == 0)
        {
            return [];
        }

        var found = new List<string>();
        foreach (var file in _byName.Value.GetValueOrDefault(NameOf(tail)) ?? [])
        {
            var stem = file[..^Path.GetExtension(file).Length];
            if (stem == tail || stem.EndsWith("/" + tail, StringComparison.Ordinal) || file.EndsWith("/" + tail, StringComparison.Ordinal))
            {
                found.Add(file);
            }
        }

        foreach (var file in _byName.Value.GetValueOrDefault("index") ?? [])
        {
            if (file.Contains("/" + tail + "/index.", StringComparison.Ordinal) || file.StartsWith(tail + "/index.", StringComparison.Ordinal))
            {
                found.Add(file);
            }
        }

        return found;
    }

    /// <summary>The repository's named packages (the root and workspace members).</summary>
    public IReadOnlyList<LocalPackage> Packages => _packages;

    /// <summary>Whether <paramref name="path"/> is a file of the repository.</summary>
    public bool Exists(string path) => _files.Contains(path);

    /// <summary>Every file under <paramref name="directory"/> ("" for all), for whole-package edges.</summary>
    public IEnumerable<string> FilesUnder(string directory) => directory.Length == 0 ? _sorted.Value : WithPrefix(directory + "/");

    private Resolution? ResolvePackage(string specifier)
    {
        foreach (var package in _packages)
        {
            var name = package.Manifest.Name ?? string.Empty;
            if (name.Length == 0 || !(specifier == name || specifier.StartsWith(name + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            var subpath = specifier == name ? "." : "." + specifier[name.Length..];
            var manifest = package.Manifest;
            IEnumerable<string> candidates = manifest.Exports is { } exports
                ? PackageExports.Targets(exports, subpath)
                : subpath == "." ? new[] { manifest.Source, manifest.Module, manifest.Main, manifest.Types, "./index" }.OfType<string>() : [subpath];
            var files = candidates.Select(t => Probe(Join(package.Directory, StripQuery(t)))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

            // Built entries (dist/) are not in the repository: the import still depends on this package's source.
            return files.Count > 0 ? new Resolution(files, null, false) : new Resolution([], package, false);
        }

        return null;
    }

    private Resolution ResolveInternal(string fromFile, string specifier)
    {
        var package = _packages.FirstOrDefault(p => IsUnder(fromFile, p.Directory) && p.Manifest.Imports is not null);
        if (package?.Manifest.Imports is not { } imports)
        {
            return Resolution.External;
        }

        var files = PackageExports.Targets(imports, specifier)
            .Select(t => t.StartsWith('.') ? Probe(Join(package.Directory, StripQuery(t))) : ResolvePackage(t)?.Files.FirstOrDefault())
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? new Resolution(files, null, false) : new Resolution([], package, false);
    }

    private static Resolution Found(string file) => new([file], null, false);

    /// <summary>Files a missing path could still mean under a resolver we do not model (<c>./x</c> → <c>./x.module.css</c>, <c>./x.svg</c>).</summary>
    private List<string> NearNames(string path) => path.Length == 0 ? [] : [.. WithPrefix(path + ".").Take(20)];

    private IEnumerable<string> WithPrefix(string prefix)
    {
        // Sorted once, on first use: only unresolved imports and whole-package edges need it.
        var sorted = _sorted.Value;
        var start = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        for (var i = start < 0 ? ~start : start; i < sorted.Length && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return sorted[i];
        }
    }

    private string? Probe(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        if (_files.Contains(path))
        {
            return path;
        }

        // TypeScript's ESM style: './x.js' written for './x.ts'.
        var ext = Path.GetExtension(path);
        if (ext is ".js" or ".jsx" or ".mjs" or ".cjs")
        {
            var stem = path[..^ext.Length];
            foreach (var swap in ext == ".mjs" ? new[] { ".mts", ".d.mts" } : ext == ".cjs" ? [".cts", ".d.cts"] : [".ts", ".tsx", ".d.ts"])
            {
                if (_files.Contains(stem + swap))
                {
                    return stem + swap;
                }
            }
        }

        foreach (var probe in Probes)
        {
            if (_files.Contains(path + probe))
            {
                return path + probe;
            }
        }

        foreach (var probe in Probes)
        {
            if (_files.Contains(path + "/index" + probe))
            {
                return path + "/index" + probe;
            }
        }

        return null;
    }

    /// <summary>A file's name without its last extension: what a specifier's tail ends with.</summary>
    private static string NameOf(string file)
    {
        var name = file[(file.LastIndexOf('/') + 1)..];
        return Path.GetExtension(name) is { Length: > 0 } ext && ext.Length < name.Length ? name[..^ext.Length] : name;
    }

    private static string StripQuery(string specifier) => specifier.IndexOfAny(['?', '#'], 1) is var cut and > 0 ? specifier[..cut] : specifier;

    private static bool IsUnder(string file, string directory) => directory.Length == 0 || file.StartsWith(directory + "/", StringComparison.Ordinal);

    internal static string DirectoryOf(string file) => file.LastIndexOf('/') is var i and >= 0 ? file[..i] : string.Empty;

    internal static string Join(string dir, string relative) => Normalize(dir.Length == 0 ? relative : dir + "/" + relative);

    /// <summary>Collapses <c>.</c> and <c>..</c> segments; a path climbing out of the repository becomes empty.</summary>
    internal static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return string.Empty;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }
}
