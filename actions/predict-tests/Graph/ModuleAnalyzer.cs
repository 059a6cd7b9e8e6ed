using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Reads a file's <see cref="ModuleFacts"/> at the same regex level as <see cref="ImportScanner"/>: the named
/// <c>import … from</c> and <c>export … from</c> statements (comments inside their braces allowed), the names a file
/// declares with <c>export</c>, and whether it is a barrel. Every specifier <see cref="ImportScanner"/> finds is
/// kept: one that appears in any form this reader does not take apart by name counts as imported whole, so the
/// names only ever narrow an edge that is certainly named.
/// </summary>
public static partial class ModuleAnalyzer
{
    /// <summary>The facts of one file's text; a <c>.vue</c> or <c>.svelte</c> <paramref name="path"/> is read for its scripts only.</summary>
    public static ModuleFacts Analyze(string source, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Names are taken apart only when asked (ImportUse.Names: for imports of barrels, which are few); here only
        // the re-exports are, since they decide whether this file is a barrel.
        var code = path is not null && (path.EndsWith(".vue", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".svelte", StringComparison.OrdinalIgnoreCase))
            ? SourceCode.OfMarkup(source) : SourceCode.Of(source);
        var imports = new List<ImportUse>();
        var reExports = new List<ReExport>();
        var seen = new HashSet<(string, string?, bool)>();
        foreach (var (specifier, keyword, clause) in ImportScanner.Occurrences(code))
        {
            var isExport = keyword == "export";
            if (seen.Add((specifier, clause, isExport)))
            {
                imports.Add(new ImportUse(specifier, clause, isExport));
            }

            if (isExport && clause is not null)
            {
                // A statement not taken apart (the scan ran on from "export" in a comment, or from a declaration)
                // may re-export anything of its target: listed as a star, it can only add names to this file's exports.
                var taken = Clause(clause, true);
                reExports.Add(new ReExport(specifier, taken is { Star: false } ? taken.Value.Map : null));
            }
        }

        var exports = code.Text.Contains("export", StringComparison.Ordinal) ? LocalExports(code.Text) : new HashSet<string>(StringComparer.Ordinal);
        var barrel = reExports.Count > 0 && IsOnlyReExports(code.Text) ? BarrelReExports(code) : null;
        List<string>? paths = null;
        HashSet<string>? seenPaths = null;
        foreach (var literal in code.RelativePathLiterals())
        {
            if (literal.Length < 400 && !literal.Contains('\n', StringComparison.Ordinal) && (seenPaths ??= new HashSet<string>(imports.Select(i => i.Specifier), StringComparer.Ordinal)).Add(literal))
            {
                (paths ??= []).Add(literal);
            }
        }

        return new ModuleFacts(imports, barrel ?? reExports, exports, barrel is not null, paths);
    }

    /// <summary>
    /// A barrel's re-exports, read from its code (comments blanked, literals skipped), or <c>null</c> when it is not a barrel. A barrel's
    /// re-exports decide where a name comes from, so none may come from a comment (<c>// export { a } from './old'</c>
    /// would shadow the real one) and every statement must be one taken apart: a scan that ran from a word in a comment
    /// or from <c>export enum X { A }</c> into the next statement hides a re-export, or a declaration, from the reader.
    /// </summary>
    private static List<ReExport>? BarrelReExports(SourceCode code)
    {
        var reExports = new List<ReExport>();
        foreach (var (specifier, keyword, clause) in ImportScanner.Occurrences(code))
        {
            if (keyword != "export" || clause is null || Clause(clause, true) is not { } taken)
            {
                return null;
            }

            reExports.Add(new ReExport(specifier, taken.Star ? null : taken.Map));
        }

        return reExports.Count > 0 && LocalExports(code.Text).Count == 0 ? reExports : null;
    }

    /// <summary>Whether nothing but whitespace, semicolons, comments and directives lies outside the re-export statements.</summary>
    private static bool IsOnlyReExports(string source) => Leftover().Replace(StripComments(ReExportStatement().Replace(source, " ")), string.Empty).Length == 0;

    /// <summary>
    /// The names an <c>import</c>/<c>export … from</c> clause takes from its module (<c>default</c> for a default
    /// import), or <c>null</c> when it takes the whole module (namespace, <c>export *</c>) or is not a shape this
    /// reader takes apart.
    /// </summary>
    public static IReadOnlyList<string>? NamesOf(string clause, bool isExport)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return Clause(clause, isExport) is { Star: false } taken && !taken.Map.ContainsValue("*")
            ? [.. taken.Map.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : null;
    }

    /// <summary>
    /// An import clause's bindings: local name → the export it takes (<c>default</c>, <c>*</c> for a namespace, or the
    /// name); <c>null</c> for a clause this reader does not take apart.
    /// </summary>
    internal static IReadOnlyDictionary<string, string>? ImportBindings(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return Clause(clause, false) is { Star: false } taken ? taken.Map : null;
    }

    /// <summary>The clause between the keyword and <c>from</c>, taken apart: exported/imported name pairs, or a bare star.</summary>
    private static (bool Star, Dictionary<string, string> Map)? Clause(string raw, bool isExport)
    {
        var clause = StripComments(raw).Trim();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (clause == "*")
        {
            return isExport ? (true, map) : null;
        }

        if (StarAs().Match(clause) is { Success: true } star)
        {
            map[star.Groups[1].Value] = "*";
            return (false, map);
        }

        var open = clause.IndexOf('{', StringComparison.Ordinal);
        var head = (open < 0 ? clause : clause[..open]).Trim().TrimEnd(',').Trim();
        if (head.Length > 0)
        {
            if (isExport || !Identifier().IsMatch(head))
            {
                return null; // `export x from` is not JavaScript; `import a, * as b` is taken whole
            }

            map[head] = "default";
        }

        if (open >= 0)
        {
            var close = clause.LastIndexOf('}');
            if (close < open || clause[(close + 1)..].Trim().Length > 0)
            {
                return null;
            }

            foreach (var part in clause[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var item = Specifier().Match(part);
                if (!item.Success)
                {
                    return null;
                }

                var imported = item.Groups["name"].Value;
                var local = item.Groups["alias"].Success ? item.Groups["alias"].Value : imported;
                map[local] = imported;
            }
        }

        return map.Count == 0 ? null : (false, map);
    }

    private static HashSet<string> LocalExports(string source)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Export().Matches(source))
        {
            if (match.Groups["default"].Success)
            {
                names.Add("default");
            }
            else if (match.Groups["decl"].Success)
            {
                names.Add(match.Groups["decl"].Value);
            }
            else
            {
                foreach (var part in StripComments(match.Groups["list"].Value).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (Specifier().Match(part) is { Success: true } item)
                    {
                        names.Add(item.Groups["alias"].Success ? item.Groups["alias"].Value : item.Groups["name"].Value);
                    }
                }
            }
        }

        return names;
    }

    private static string StripComments(string text) => text.Contains('/', StringComparison.Ordinal) ? Comment().Replace(text, " ") : text;

    /// <summary>An <c>export … from '…'</c> statement, for the barrel check (comments inside its braces allowed).</summary>
    [GeneratedRegex("""\bexport\s+(?:type\s+)?(?:(?!\b(?:import|export)\b)[\w$*{}\s,]|(?>//[^\r\n]*)|(?>/\*[\s\S]*?\*/))+?\s*\bfrom\s*['"][^'"\r\n]+['"]\s*;?""", RegexOptions.CultureInvariant)]
    private static partial Regex ReExportStatement();

    [GeneratedRegex("""^\*\s+as\s+([\w$]+)$""", RegexOptions.CultureInvariant)]
    private static partial Regex StarAs();

    [GeneratedRegex("""^[\w$]+$""", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex("""^(?:type\s+)?(?<name>[\w$]+)(?:\s+as\s+(?<alias>[\w$]+))?$""", RegexOptions.CultureInvariant)]
    private static partial Regex Specifier();

    [GeneratedRegex("""//[^\r\n]*|/\*[\s\S]*?\*/""", RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    /// <summary>What a barrel may hold besides its re-exports: whitespace, semicolons and directives.</summary>
    [GeneratedRegex("""\s+|;|^\s*['"]use [\w ]+['"]""", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Leftover();

    /// <summary>One pass over a file's own exports: <c>export default</c>, a declaration, or a local list (not <c>from</c>).</summary>
    [GeneratedRegex("""\bexport\s+(?:(?<default>default)\b|(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|const\s+enum|const|let|var|interface|type|enum|namespace)\s+(?<decl>[\w$]+)|(?:type\s+)?\{(?<list>[^}]*)\}(?!\s*from\b))""", RegexOptions.CultureInvariant)]
    private static partial Regex Export();
}
