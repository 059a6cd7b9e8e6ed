using System.Text.Json;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Resolves a specifier to a repository file as TypeScript's bundler resolution would: relative paths,
/// <c>tsconfig.json</c> <c>baseUrl</c> and <c>paths</c> aliases, extension probing (including <c>.js</c> written
/// for a <c>.ts</c> file), and <c>index</c> files. Packages (bare specifiers without an alias) are external.
/// </summary>
public sealed class ModuleResolver
{
    private static readonly string[] Probes = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json", ".vue", ".svelte"];
    private readonly IReadOnlySet<string> _files;
    private readonly string? _baseUrl;
    private readonly IReadOnlyList<(string Prefix, string Suffix, IReadOnlyList<string> Targets)> _aliases;

    /// <summary>Creates a resolver over the repository's files (relative, '/'-separated).</summary>
    public ModuleResolver(IReadOnlySet<string> files, string? baseUrl = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? paths = null)
    {
        _files = files ?? throw new ArgumentNullException(nameof(files));
        _baseUrl = baseUrl is null ? null : Normalize(baseUrl);
        _aliases = [.. (paths ?? new Dictionary<string, IReadOnlyList<string>>()).Select(p =>
        {
            var star = p.Key.IndexOf('*', StringComparison.Ordinal);
            return star < 0 ? (p.Key, "\0exact", p.Value) : (p.Key[..star], p.Key[(star + 1)..], p.Value);
        }).OrderByDescending(a => a.Item1.Length)];
    }

    /// <summary>Reads <c>compilerOptions.baseUrl</c> and <c>paths</c> from a tsconfig text (comments and trailing commas allowed).</summary>
    public static ModuleResolver FromTsConfig(IReadOnlySet<string> files, string? tsconfigJson, string tsconfigDirectory = "")
    {
        if (string.IsNullOrWhiteSpace(tsconfigJson))
        {
            return new ModuleResolver(files);
        }

        TsConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(tsconfigJson.TrimStart('\uFEFF'), PredictTestsJsonContext.Default.TsConfig);
        }
        catch (JsonException)
        {
            return new ModuleResolver(files);
        }

        if (config?.CompilerOptions is not { } options)
        {
            return new ModuleResolver(files);
        }

        var baseUrl = options.BaseUrl is { } b ? Join(tsconfigDirectory, b) : null;
        var root = baseUrl ?? tsconfigDirectory;
        var paths = (options.Paths ?? new Dictionary<string, IReadOnlyList<string?>?>())
            .Where(a => a.Value is not null)
            .ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. (a.Value ?? []).OfType<string>().Select(t => Join(root, t))]);
        return new ModuleResolver(files, baseUrl, paths);
    }

    /// <summary>The file <paramref name="specifier"/> names from <paramref name="fromFile"/>, or <c>null</c> (external or missing).</summary>
    public string? Resolve(string fromFile, string specifier)
    {
        if (specifier.StartsWith('.'))
        {
            return Probe(Join(DirectoryOf(fromFile), specifier));
        }

        if (specifier.StartsWith('/'))
        {
            return Probe(Normalize(specifier));
        }

        foreach (var (prefix, suffix, targets) in _aliases)
        {
            string? middle = suffix == "\0exact"
                ? (specifier == prefix ? string.Empty : null)
                : specifier.StartsWith(prefix, StringComparison.Ordinal) && specifier.EndsWith(suffix, StringComparison.Ordinal) && specifier.Length >= prefix.Length + suffix.Length
                    ? specifier[prefix.Length..(specifier.Length - suffix.Length)]
                    : null;
            if (middle is null)
            {
                continue;
            }

            foreach (var target in targets)
            {
                if (Probe(Normalize(target.Replace("*", middle, StringComparison.Ordinal))) is { } hit)
                {
                    return hit;
                }
            }
        }

        return _baseUrl is null ? null : Probe(Join(_baseUrl, specifier));
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
            foreach (var swap in ext == ".mjs" ? new[] { ".mts" } : ext == ".cjs" ? [".cts"] : [".ts", ".tsx"])
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

    private static string DirectoryOf(string file) => file.LastIndexOf('/') is var i and >= 0 ? file[..i] : string.Empty;

    private static string Join(string dir, string relative) => Normalize(dir.Length == 0 ? relative : dir + "/" + relative);

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
