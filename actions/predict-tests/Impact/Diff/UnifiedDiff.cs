using System.Globalization;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Impact.Diff;

/// <summary>
/// Reads <c>git diff -U0 --no-prefix</c> output: the hunks of each file (with the text they add), keyed by its old path. A file git shows as
/// binary has no hunks and is left out (its caller then knows no lines). Hunks beyond <see cref="MaxHunksPerFile"/>
/// are cut and the file is marked, so the caller falls back to file level rather than trust a partial list.
/// </summary>
public static partial class UnifiedDiff
{
    /// <summary>The most hunks kept per file.</summary>
    public const int MaxHunksPerFile = 10_000;

    /// <summary>The most added and removed text kept per file; past it, hunks carry no text.</summary>
    public const int MaxAddedCharsPerFile = 1024 * 1024;

    /// <summary>Old path → its hunks, old lines ascending; a file whose hunks were cut maps to null.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DiffHunk>?> Parse(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var files = new Dictionary<string, IReadOnlyList<DiffHunk>?>(StringComparer.Ordinal);
        List<DiffHunk>? hunks = null;
        string? current = null;
        System.Text.StringBuilder? added = null;
        System.Text.StringBuilder? removed = null;
        var kept = 0;
        void Close()
        {
            if (hunks is { Count: > 0 } && added is not null && removed is not null)
            {
                kept += added.Length + removed.Length;
                hunks[^1] = kept <= MaxAddedCharsPerFile ? hunks[^1] with { Added = added.ToString(), Removed = removed.ToString() } : hunks[^1];
            }

            added = null;
            removed = null;
        }

        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Close();
                current = null;
                hunks = null;
                kept = 0;
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
                Close();
                if (hunks.Count >= MaxHunksPerFile)
                {
                    files[current] = null;
                    continue;
                }

                hunks.Add(new DiffHunk(Number(m.Groups[1]), Count(m.Groups[2]), Number(m.Groups[3]), Count(m.Groups[4])));
                added = new System.Text.StringBuilder();
                removed = new System.Text.StringBuilder();
            }
            else if (added is not null && line.StartsWith('+'))
            {
                added.Append(line, 1, line.Length - 1).Append('\n');
            }
            else if (removed is not null && line.StartsWith('-'))
            {
                removed.Append(line, 1, line.Length - 1).Append('\n');
            }
        }

        Close();
        return files;
    }

    private static int Number(Group g) => int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int Count(Group g) => g.Success ? Number(g) : 1;

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
