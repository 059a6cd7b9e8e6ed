using System.Text;
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
    /// <summary>The facts of one file's text.</summary>
    public static ModuleFacts Analyze(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var named = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var whole = new HashSet<string>(StringComparer.Ordinal);
        var reExports = new List<ReExport>();
        var blanked = new StringBuilder(source);
        var rest = new StringBuilder(source.Length);
        var last = 0;
        foreach (Match match in Statement().Matches(source))
        {
            var specifier = match.Groups["spec"].Value;
            var isExport = match.Groups["kw"].Value == "export";
            var clause = StripComments(match.Groups["clause"].Value).Trim();
            var taken = Clause(clause, isExport);
            if (taken is null)
            {
                continue; // not a shape we take apart: the plain scan below sees it and takes it whole
            }

            if (isExport)
            {
                reExports.Add(new ReExport(specifier, taken.Value.Star ? null : taken.Value.Map));
                rest.Append(source, last, match.Index - last);
                last = match.Index + match.Length;
            }

            if (taken.Value.Star || taken.Value.Map.ContainsValue("*"))
            {
                whole.Add(specifier);
            }
            else
            {
                if (!named.TryGetValue(specifier, out var names))
                {
                    named[specifier] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.UnionWith(taken.Value.Map.Values);
            }

            for (var i = match.Index; i < match.Index + match.Length; i++)
            {
                blanked[i] = ' ';
            }
        }

        rest.Append(source, last, source.Length - last);
        whole.UnionWith(ImportScanner.Scan(blanked.ToString()));
        var imports = new List<ImportUse>();
        foreach (var specifier in ImportScanner.Scan(source).Concat(named.Keys).Concat(whole).Distinct(StringComparer.Ordinal))
        {
            imports.Add(new ImportUse(specifier, whole.Contains(specifier) || !named.TryGetValue(specifier, out var names) ? null : [.. names.Order(StringComparer.Ordinal)]));
        }

        var isBarrel = reExports.Count > 0 && Leftover().Replace(StripComments(rest.ToString()), string.Empty).Length == 0;
        return new ModuleFacts(imports, reExports, LocalExports(source), isBarrel);
    }

    /// <summary>The clause between the keyword and <c>from</c>, taken apart: exported/imported name pairs, or a bare star.</summary>
    private static (bool Star, Dictionary<string, string> Map)? Clause(string clause, bool isExport)
    {
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
        foreach (Match match in Declared().Matches(source))
        {
            names.Add(match.Groups[1].Value);
        }

        if (DefaultExport().IsMatch(source))
        {
            names.Add("default");
        }

        foreach (Match match in LocalList().Matches(source))
        {
            foreach (var part in StripComments(match.Groups[1].Value).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Specifier().Match(part) is { Success: true } item)
                {
                    names.Add(item.Groups["alias"].Success ? item.Groups["alias"].Value : item.Groups["name"].Value);
                }
            }
        }

        return names;
    }

    private static string StripComments(string text) => Comment().Replace(text, " ");

    // Comments are atomic alternatives: a comment split between them and the letters class backtracks exponentially.
    [GeneratedRegex("""\b(?<kw>import|export)\s+(?:type\s+)?(?<clause>(?:[\w$*{}\s,]|(?>//[^\r\n]*)|(?>/\*[\s\S]*?\*/))+?)\s*\bfrom\s*['"](?<spec>[^'"\r\n]+)['"]\s*;?""", RegexOptions.CultureInvariant)]
    private static partial Regex Statement();

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

    [GeneratedRegex("""\bexport\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|const\s+enum|const|let|var|interface|type|enum|namespace)\s+([\w$]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Declared();

    [GeneratedRegex("""\bexport\s+default\b""", RegexOptions.CultureInvariant)]
    private static partial Regex DefaultExport();

    [GeneratedRegex("""\bexport\s+(?:type\s+)?\{([^}]*)\}(?!\s*from\b)""", RegexOptions.CultureInvariant)]
    private static partial Regex LocalList();
}
