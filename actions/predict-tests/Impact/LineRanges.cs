namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>
/// Sorted, disjoint, inclusive line ranges stored flat as <c>[start₁, end₁, start₂, end₂, …]</c>: the compact form
/// impact data keeps covered lines in.
/// </summary>
public static class LineRanges
{
    /// <summary>The ranges of the set lines of <paramref name="lines"/> (index = line number; index 0 unused).</summary>
    public static int[] FromMarks(IReadOnlyList<bool> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var flat = new List<int>();
        for (var line = 1; line < lines.Count; line++)
        {
            if (!lines[line])
            {
                continue;
            }

            var start = line;
            while (line + 1 < lines.Count && lines[line + 1])
            {
                line++;
            }

            flat.Add(start);
            flat.Add(line);
        }

        return [.. flat];
    }

    /// <summary>Whether any range meets the inclusive span <paramref name="first"/>–<paramref name="last"/>.</summary>
    public static bool Intersects(IReadOnlyList<int> flat, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(flat);
        // Binary search on the range ends: the first range ending at or after `first` is the only candidate.
        int low = 0, high = (flat.Count / 2) - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (flat[(mid * 2) + 1] >= first)
            {
                found = mid;
                high = mid - 1;
            }
            else
            {
                low = mid + 1;
            }
        }

        return found >= 0 && flat[found * 2] <= last;
    }

    /// <summary>"12–18, 40" for a message, at most <paramref name="limit"/> ranges.</summary>
    public static string Describe(int first, int last) => first == last ? $"{first}" : $"{first}–{last}";
}
