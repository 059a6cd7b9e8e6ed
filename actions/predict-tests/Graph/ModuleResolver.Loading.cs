using System.Text.Json;

namespace Bookiji.Actions.PredictTests.Graph;

public sealed partial class ModuleResolver
{
    /// <summary>How many <c>extends</c> links are followed before giving up (cycles, deep chains).</summary>
    private const int MaxExtends = 8;

    /// <summary>Whether a file configures resolution (read by <see cref="Load"/>): every <c>package.json</c> and <c>tsconfig*.json</c>.</summary>
    public static bool IsConfig(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name == "package.json" || (name.StartsWith("tsconfig", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal));
    }

    /// <summary>
    /// The resolver of a repository: every <c>tsconfig.json</c> (nearest one per file, relative <c>extends</c>
    /// followed) and every named <c>package.json</c> (the root package and its npm/yarn/pnpm workspace members
    /// alike — a superset of the declared workspaces, so a member is found however the workspace globs are written).
    /// </summary>
    public static ModuleResolver Load(IReadOnlySet<string> files, Func<string, string?> readText, Func<string, bool> isScanned)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(readText);
        ArgumentNullException.ThrowIfNull(isScanned);
        var scopes = new List<Scope>();
        var packages = new List<LocalPackage>();
        var runnerScopes = new List<Scope>();
        foreach (var file in files.Where(f => SetupFiles.IsRunnerConfig(f) && isScanned(f)).Order(StringComparer.Ordinal))
        {
            if ((!file.EndsWith("package.json", StringComparison.Ordinal) || readText(file) is { } manifest && manifest.Contains("\"jest\"", StringComparison.Ordinal))
                && RunnerAliases.Read(file, readText(file)) is { } aliases)
            {
                runnerScopes.Add(aliases);
            }
        }

        foreach (var file in files.Where(f => IsConfig(f) && isScanned(f)).Order(StringComparer.Ordinal))
        {
            var directory = DirectoryOf(file);
            if (file.EndsWith("/package.json", StringComparison.Ordinal) || file == "package.json")
            {
                if (ParsePackage(readText(file)) is { Name.Length: > 0 } manifest)
                {
                    packages.Add(new LocalPackage(directory, manifest));
                }
            }
            else if (file[(file.LastIndexOf('/') + 1)..] == "tsconfig.json" && ReadScope(file, files, readText) is { } scope)
            {
                scopes.Add(scope);
            }
        }

        return new ModuleResolver(files, scopes, packages, runnerScopes);
    }

    /// <summary>Reads <c>compilerOptions.baseUrl</c> and <c>paths</c> from one tsconfig text (comments and trailing commas allowed).</summary>
    public static ModuleResolver FromTsConfig(IReadOnlySet<string> files, string? tsconfigJson, string tsconfigDirectory = "")
    {
        var scope = ReadScope(Join(tsconfigDirectory, "tsconfig.json"), files, _ => tsconfigJson);
        return new ModuleResolver(files, scope is null ? [] : [scope], []);
    }

    private static Scope? ReadScope(string path, IReadOnlySet<string> files, Func<string, string?> readText)
    {
        // The nearest config in the extends chain that sets an option wins; paths resolve against its baseUrl,
        // or (TypeScript 4.1+) against the folder of the config that declared them.
        string? baseUrl = null;
        IReadOnlyDictionary<string, IReadOnlyList<string>>? paths = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var at = path;
        for (var depth = 0; at is not null && depth < MaxExtends && seen.Add(at); depth++)
        {
            var config = ParseTsConfig(readText(at));
            var directory = DirectoryOf(at);
            var options = config?.CompilerOptions;
            var ownBase = options?.BaseUrl is { } b ? Join(directory, b) : null;
            if (baseUrl is null && ownBase is not null)
            {
                baseUrl = ownBase;
            }

            if (paths is null && options?.Paths is { } declared)
            {
                var root = ownBase ?? baseUrl ?? directory;
                paths = declared.Where(a => a.Value is not null)
                    .ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. (a.Value ?? []).OfType<string>().Select(t => Join(root, t))]);
            }

            at = ExtendsTarget(config?.Extends, directory, files);
        }

        return baseUrl is null && paths is null ? null : Scope.Create(DirectoryOf(path), baseUrl, paths);
    }

    /// <summary>The first relative <c>extends</c> file that exists (package-name extends live in node_modules).</summary>
    private static string? ExtendsTarget(JsonElement? extends, string directory, IReadOnlySet<string> files)
    {
        var names = extends switch
        {
            { ValueKind: JsonValueKind.String } one => [one.GetString()],
            { ValueKind: JsonValueKind.Array } many => many.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()).ToList(),
            _ => new List<string?>(),
        };
        return names.OfType<string>().Where(n => n.StartsWith('.'))
            .Select(n => Join(directory, n))
            .Select(p => files.Contains(p) ? p : files.Contains(p + ".json") ? p + ".json" : null)
            .FirstOrDefault(p => p is not null);
    }

    private static TsConfig? ParseTsConfig(string? text) => Parse(text, PredictTestsJsonContext.Default.TsConfig);

    private static PackageJson? ParsePackage(string? text) => Parse(text, PredictTestsJsonContext.Default.PackageJson);

    private static T? Parse<T>(string? text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text.TrimStart('\uFEFF'), type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
