using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// The aliases test runners and bundlers resolve, in their common literal forms: Vite/Vitest <c>resolve.alias</c>
/// (object or <c>{ find, replacement }</c> array; a <c>./</c> or <c>/</c> string, <c>path.resolve|join(__dirname, …)</c> or
/// <c>fileURLToPath(new URL('…', import.meta.url))</c> value) and jest <c>moduleNameMapper</c> (<c>^prefix(.*)$</c> →
/// <c>&lt;rootDir&gt;/…$1</c>, in <c>jest.config.*</c> or package.json <c>"jest"</c>). A form it cannot read is left
/// out: such a specifier still reaches the files whose path ends like it (never an external package).
/// </summary>
internal static partial class RunnerAliases
{
    /// <summary>More <c>alias:</c>/<c>moduleNameMapper:</c> options than any real config has: the config is not read.</summary>
    private const int MaxBlocks = 64;

    /// <summary>The alias scope a runner config declares for the files under its folder, or <c>null</c>.</summary>
    public static Scope? Read(string config, string? text)
    {
        // Each block is scanned to its closing bracket: thousands of (unclosed) blocks would take quadratic time.
        if (string.IsNullOrEmpty(text) || text.Length > 512 * 1024 || Option().Count(text) > MaxBlocks)
        {
            return null;
        }

        var directory = ModuleResolver.DirectoryOf(config);
        var aliases = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (config == "package.json" || config.EndsWith("/package.json", StringComparison.Ordinal))
        {
            ReadPackageJest(text, directory, aliases);
        }
        else
        {
            // `rootDir` moves <rootDir> away from the config's folder: its mappers are left to the fallback.
            foreach (var block in RootDir().IsMatch(text) ? [] : Blocks(text, "moduleNameMapper"))
            {
                foreach (var (key, value) in Entries(block))
                {
                    AddMapper(key, Literals(value), directory, aliases);
                }
            }

            foreach (var block in Blocks(text, "alias"))
            {
                foreach (var (key, value, isPattern) in block.StartsWith('[') ? FindReplacements(block) : Entries(block).Select(e => (e.Key, e.Value, false)))
                {
                    if (Target(value, directory) is not { } target)
                    {
                        continue;
                    }

                    if (isPattern)
                    {
                        AddPattern(key, [target], aliases); // find: /^@x\/(.*)/ → replacement …/$1
                    }
                    else
                    {
                        Add(aliases, key, [target]);              // `@` itself
                        Add(aliases, key.TrimEnd('/') + "/*", [target + "/*"]); // `@/x`
                    }
                }
            }
        }

        return aliases.Count == 0 ? null : Scope.Create(directory, null, aliases);
    }

    /// <summary>
    /// Adds an alias; one declared again with other targets (inline workspace projects, a commented-out older alias)
    /// keeps no target, so its specifiers are linked by their tail to every candidate instead of to the first one read.
    /// </summary>
    private static void Add(Dictionary<string, IReadOnlyList<string>> aliases, string key, IReadOnlyList<string> targets)
    {
        if (!aliases.TryAdd(key, targets) && !aliases[key].SequenceEqual(targets, StringComparer.Ordinal))
        {
            aliases[key] = [];
        }
    }

    /// <summary><paramref name="relative"/> under <paramref name="directory"/>, or <c>null</c> when it climbs out of the repository.</summary>
    private static string? Under(string directory, string relative)
    {
        var depth = 0;
        foreach (var part in (directory + "/" + relative).Replace('\\', '/').Split('/'))
        {
            depth += part == ".." ? -1 : part.Length == 0 || part == "." ? 0 : 1;
            if (depth < 0)
            {
                return null;
            }
        }

        return ModuleResolver.Join(directory, relative);
    }

    private static void ReadPackageJest(string text, string directory, Dictionary<string, IReadOnlyList<string>> aliases)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("jest", out var jest) && jest.ValueKind == JsonValueKind.Object
                && !jest.TryGetProperty("rootDir", out _)
                && jest.TryGetProperty("moduleNameMapper", out var mapper) && mapper.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in mapper.EnumerateObject())
                {
                    var values = entry.Value.ValueKind switch
                    {
                        JsonValueKind.String => [entry.Value.GetString()!],
                        JsonValueKind.Array => entry.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList(),
                        _ => new List<string>(),
                    };
                    AddMapper(entry.Name, values, directory, aliases);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: no aliases from it (the resolver reads the manifest separately).
        }
    }

    /// <summary>A jest mapper: <c>&lt;rootDir&gt;</c> targets (a module name or a mock file is not an alias we can follow).</summary>
    private static void AddMapper(string pattern, IReadOnlyList<string> values, string directory, Dictionary<string, IReadOnlyList<string>> aliases)
    {
        var targets = values.Select(v => v.StartsWith("<rootDir>", StringComparison.Ordinal) ? Under(directory, v["<rootDir>".Length..].TrimStart('/')) : null).ToList();
        if (targets.Count > 0 && targets.All(t => t is not null))
        {
            AddPattern(pattern, [.. targets.OfType<string>()], aliases);
        }
    }

    /// <summary>
    /// A pattern alias: <c>^prefix(.*)$</c> (or <c>(.*?)</c>, <c>$</c> optional) → <c>prefix*</c> with <c>$1</c> → <c>*</c>
    /// in the targets, and <c>^name$</c> → <c>name</c>. Any other pattern, or a capture the targets do not use, is left out.
    /// </summary>
    private static void AddPattern(string pattern, IReadOnlyList<string> targets, Dictionary<string, IReadOnlyList<string>> aliases)
    {
        var key = pattern.Replace("\\\\", "\\", StringComparison.Ordinal);
        if (Mapper().Match(key) is not { Success: true } match)
        {
            return;
        }

        var prefix = match.Groups["prefix"].Value.Replace("\\/", "/", StringComparison.Ordinal).Replace("\\.", ".", StringComparison.Ordinal);
        var captures = match.Groups["rest"].Success;
        if (!captures && !match.Groups["end"].Success)
        {
            return; // `^name` without `$` also matches `name-other`: not an alias we can place
        }

        if (targets.Any(t => captures != t.Contains("$1", StringComparison.Ordinal)))
        {
            return;
        }

        Add(aliases, captures ? prefix + "*" : prefix, [.. targets.Select(t => t.Replace("$1", "*", StringComparison.Ordinal))]);
    }

    /// <summary>A Vite alias value as a repository path, or <c>null</c> for a form we do not read.</summary>
    private static string? Target(string value, string directory)
    {
        var text = value.Trim();
        if (UrlForm().Match(text) is { Success: true } url)
        {
            return Under(directory, url.Groups[1].Value);
        }

        if (PathCall().Match(text) is { Success: true } call)
        {
            var parts = Literals(call.Groups["args"].Value);
            return parts.Count == 0 ? directory : Under(directory, string.Join('/', parts).TrimStart('/'));
        }

        // A bare replacement ('preact/compat') is a package name, and a template literal is not a path we can read.
        return StringLiteral().Match(text) is { Success: true } literal && literal.Groups[1].Value is ['.' or '/', ..]
            ? Under(directory, literal.Groups[1].Value.TrimStart('/'))
            : null;
    }

    /// <summary>The <c>{ find: '…' or /…/, replacement: … }</c> entries of an alias array.</summary>
    private static IEnumerable<(string Key, string Value, bool IsPattern)> FindReplacements(string block)
    {
        foreach (var item in Split(block[1..^1]))
        {
            var entries = Entries(item.Trim()).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            if (!entries.TryGetValue("find", out var find) || !entries.TryGetValue("replacement", out var replacement))
            {
                continue;
            }

            if (StringLiteral().Match(find.Trim()) is { Success: true } name)
            {
                yield return (name.Groups[1].Value, replacement, false);
            }
            else if (RegexLiteral().Match(find.Trim()) is { Success: true } pattern)
            {
                yield return (pattern.Groups[1].Value, replacement, true);
            }
        }
    }

    /// <summary>The <c>key: value</c> pairs of an object literal's text (<c>{ … }</c>), keys unquoted.</summary>
    private static IEnumerable<(string Key, string Value)> Entries(string block)
    {
        if (block.Length < 2 || block[0] != '{')
        {
            yield break;
        }

        foreach (var entry in Split(block[1..^1]))
        {
            if (Entry().Match(entry) is { Success: true } match)
            {
                yield return (match.Groups["key"].Value, match.Groups["value"].Value);
            }
        }
    }

    /// <summary>The string literals in an expression (arguments, an array of targets).</summary>
    private static List<string> Literals(string text) => [.. AnyLiteral().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>Each balanced <c>{…}</c> or <c>[…]</c> that follows <c>name:</c>.</summary>
    private static IEnumerable<string> Blocks(string text, string name)
    {
        foreach (Match match in Option().Matches(text))
        {
            if (match.Groups["name"].Value != name)
            {
                continue;
            }

            var start = match.Index + match.Length;
            if (Balanced(text, start) is { } end)
            {
                yield return text[start..(end + 1)];
            }
        }
    }

    /// <summary>The index of the bracket closing the one at <paramref name="start"/>, skipping strings; <c>null</c> when unbalanced.</summary>
    private static int? Balanced(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`')
            {
                if (StringEnd(text, i) is not { } close)
                {
                    return null;
                }

                i = close;
            }
            else if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')' && --depth == 0)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The index of the quote closing the string that starts at <paramref name="start"/>, or <c>null</c>.</summary>
    private static int? StringEnd(string text, int start) => text.IndexOf(text[start], start + 1) is var close and >= 0 ? close : null;

    /// <summary>Splits at the commas outside brackets and strings.</summary>
    private static IEnumerable<string> Split(string text)
    {
        var depth = 0;
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`')
            {
                i = StringEnd(text, i) ?? text.Length - 1;
            }
            else if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                yield return text[from..i];
                from = i + 1;
            }
        }

        if (from < text.Length && text[from..].Trim().Length > 0)
        {
            yield return text[from..];
        }
    }

    [GeneratedRegex("""["']?\b(?<name>moduleNameMapper|alias)["']?\s*:\s*(?=[{\[])""", RegexOptions.CultureInvariant)]
    private static partial Regex Option();

    [GeneratedRegex("""["']?\brootDir["']?\s*:""", RegexOptions.CultureInvariant)]
    private static partial Regex RootDir();

    [GeneratedRegex("""^\s*(?:['"](?<key>[^'"\r\n]+)['"]|(?<key>[A-Za-z_$][\w$]*))\s*:\s*(?<value>[\s\S]+)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();

    [GeneratedRegex("""^\^(?<prefix>(?:[\w@~$#-]|\\?/|\\\.)+?)(?:(?<rest>\(\.\*\??\))\$?|(?<end>\$))$""", RegexOptions.CultureInvariant)]
    private static partial Regex Mapper();

    [GeneratedRegex("""^/((?:[^/\\\r\n]|\\.)+)/[a-z]*$""", RegexOptions.CultureInvariant)]
    private static partial Regex RegexLiteral();

    [GeneratedRegex("""^['"`]([^'"`\r\n]*)['"`]$""", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    [GeneratedRegex("""['"]([^'"\r\n]*)['"]""", RegexOptions.CultureInvariant)]
    private static partial Regex AnyLiteral();

    [GeneratedRegex("""(?:\bpath\.)?\b(?:resolve|join)\(\s*(?:__dirname|process\.cwd\(\)|import\.meta\.dirname)\s*(?<args>(?:,\s*['"][^'"\r\n]*['"]\s*)*)\)""", RegexOptions.CultureInvariant)]
    private static partial Regex PathCall();

    [GeneratedRegex("""new\s+URL\(\s*['"]([^'"\r\n]+)['"]\s*,\s*import\.meta\.url\s*\)""", RegexOptions.CultureInvariant)]
    private static partial Regex UrlForm();
}
