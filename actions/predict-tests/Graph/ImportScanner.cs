using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Finds the module specifiers a TS/JS file names with a string literal: <c>import … from</c>, bare
/// <c>import '…'</c>, <c>export … from</c>, <c>require('…')</c>, <c>import('…')</c> and <c>jest.mock('…')</c>,
/// the same regex-level extraction Jest and Vitest use, on the file lexed by <see cref="SourceCode"/>: nothing in a
/// comment or inside a string or template literal counts. Dynamic imports of computed strings stay invisible,
/// which is why uncovered changes fall back to running everything.
/// </summary>
public static partial class ImportScanner
{
    /// <summary>The file extensions whose imports are scanned.</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".vue", ".svelte",
    };

    /// <summary>Whether the file's imports are scanned.</summary>
    public static bool IsSource(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>The specifiers, in order of appearance, without duplicates.</summary>
    public static IReadOnlyList<string> Scan(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var occurrence in Occurrences(source))
        {
            if (seen.Add(occurrence.Specifier))
            {
                found.Add(occurrence.Specifier);
            }
        }

        return found;
    }

    /// <summary>
    /// Every specifier with the statement naming it, duplicates included: for <c>import … from</c> and
    /// <c>export … from</c>, the keyword and the clause between it and <c>from</c> (comments included).
    /// </summary>
    internal static IEnumerable<Occurrence> Occurrences(string source) => Occurrences(SourceCode.Of(source));

    /// <summary>As <see cref="Occurrences(string)"/>, on a lexed file: comments and literals never yield an edge.</summary>
    internal static IEnumerable<Occurrence> Occurrences(SourceCode code)
    {
        // `"import x from './y'"` in a fixture string is text.
        foreach (var match in code.CodeMatches(Specifier()))
        {
            if (match.Groups["spec"].Success)
            {
                yield return new Occurrence(match.Groups["spec"].Value, match.Groups["kw"].Value, match.Groups["clause"].Success ? match.Groups["clause"].Value : null);
                continue;
            }

            foreach (var name in OtherForms)
            {
                if (match.Groups[name].Success)
                {
                    yield return new Occurrence(match.Groups[name].Value, null, null);
                }
            }
        }
    }

    private static readonly string[] OtherForms = ["req", "dyn", "mock"];

    /// <summary>One specifier as a statement names it.</summary>
    /// <param name="Specifier">As written.</param>
    /// <param name="Keyword"><c>import</c> or <c>export</c> for a static statement, else <c>null</c>.</param>
    /// <param name="Clause">What stands between the keyword and <c>from</c>, or <c>null</c> (<c>import './x'</c>, <c>require</c>…).</param>
    internal readonly record struct Occurrence(string Specifier, string? Keyword, string? Clause);

    // Comments are allowed inside the clause (`import {\n a, // why\n} from`): without them such an import was not
    // seen at all. They are atomic alternatives: a comment split between them and the letters class backtracks
    // exponentially on prose full of the words import and from.
    [GeneratedRegex(
        """\b(?<kw>import|export)\s+(?:type\s+)?(?:(?<clause>(?:(?!\b(?:import|export)\b)[\w*{}\s,$]|(?>//[^\r\n]*)|(?>/\*[\s\S]*?\*/))+?)\s*\bfrom\s*)?['"](?<spec>[^'"\r\n]+)['"]|\brequire\s*\(\s*['"](?<req>[^'"\r\n]+)['"]\s*\)|\bimport\s*\(\s*['"](?<dyn>[^'"\r\n]+)['"]\s*\)|\b(?:jest|vi)\.mock\(\s*['"](?<mock>[^'"\r\n]+)['"]""",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Specifier();
}
