using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Finds the module specifiers a TS/JS file names with a string literal: <c>import … from</c>, bare
/// <c>import '…'</c>, <c>export … from</c>, <c>require('…')</c>, <c>import('…')</c> and <c>jest.mock('…')</c>,
/// the same regex-level extraction Jest and Vitest use. Dynamic imports of computed strings stay invisible,
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
        foreach (Match match in Specifier().Matches(source))
        {
            for (var group = 1; group < match.Groups.Count; group++)
            {
                if (match.Groups[group].Success && seen.Add(match.Groups[group].Value))
                {
                    found.Add(match.Groups[group].Value);
                }
            }
        }

        return found;
    }

    [GeneratedRegex(
        """(?:\bimport|\bexport)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"\r\n]+)['"]|\brequire\s*\(\s*['"]([^'"\r\n]+)['"]\s*\)|\bimport\s*\(\s*['"]([^'"\r\n]+)['"]\s*\)|\b(?:jest|vi)\.mock\(\s*['"]([^'"\r\n]+)['"]""",
        RegexOptions.CultureInvariant)]
    private static partial Regex Specifier();
}
