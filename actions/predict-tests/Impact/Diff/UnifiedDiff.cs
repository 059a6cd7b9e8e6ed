using System.Globalization;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Impact.Diff;

/// <summary>
/// Reads <c>git diff -U0 --no-prefix</c> output: the hunks of each file, keyed by its old path. A file git shows as
/// binary has no hunks and is left out (its caller then knows no lines). Hunks beyond <see cref="MaxHunksPerFile"/>
/// are cut and the file is marked, so the caller falls back to file level rather than trust a partial list.
/// </summary>
public static partial class UnifiedDiff
{
    /// <summary>The most hunks kept per file.</summary>
    public const int MaxHunksPerFile = 10_000;

    /// <summary>Old path → its hunks, old lines ascending; a file whose hunks were cut maps to null.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DiffHunk>?> Parse(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var files = new Dictionary<string, IReadOnlyList<DiffHunk>?>(StringComparer.Ordinal);
        List<DiffHunk>? hunks = null;
        string? current = null;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                current = null;
                hunks = null;
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal) && hunks is null)
            {
                current = line[4..] == "/dev/null" ? null : line[4..].TrimEnd('\t');
                if (current is not null)
                {
                    hunks = [];
                    files[current] = hunks;
                }
            }
            else if (current is not null && hunks is not null && line.StartsWith("@@ ", StringComparison.Ordinal) && Header().Match(line) is { Success: true } m)
            {
                if (hunks.Count >= MaxHunksPerFile)
                {
                    files[current] = null;
                    continue;
                }

                hunks.Add(new DiffHunk(Number(m.Groups[1]), Count(m.Groups[2]), Number(m.Groups[3]), Count(m.Groups[4])));
            }
        }

        return files;
    }

    private static int Number(Group g) => int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int Count(Group g) => g.Success ? Number(g) : 1;

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
