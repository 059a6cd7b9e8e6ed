namespace Bookiji.Actions.PredictTests.Impact.Diff;

/// <summary>
/// Maps lines of a later version of a file back to the analysed version through the hunks of the diff
/// analysed → later: a line outside every hunk moves by the hunks above it; a line a hunk wrote has no analysed
/// counterpart (it drifted). No hunks: the identity.
/// </summary>
public sealed class LineMap(IReadOnlyList<DiffHunk> hunks)
{
    private readonly DiffHunk[] sorted = [.. hunks.OrderBy(h => h.NewStart)];
    private readonly DiffHunk[] byOld = [.. hunks.OrderBy(h => h.OldStart)];

    /// <summary>The identity (the file did not change).</summary>
    public static LineMap Identity { get; } = new([]);

    /// <summary>The analysed line of later line <paramref name="line"/>, or null when a hunk wrote it.</summary>
    public int? ToAnalysed(int line) => Through(sorted, line, h => (h.NewStart, h.NewCount, h.OldCount));

    /// <summary>The later line of analysed line <paramref name="line"/>, or null when a hunk replaced or removed it.</summary>
    public int? ToLater(int line) => Through(byOld, line, h => (h.OldStart, h.OldCount, h.NewCount));

    /// <summary>
    /// <paramref name="line"/> moved across <paramref name="hunks"/> (sorted by the side it is on): null when a hunk wrote it,
    /// else shifted by every hunk wholly above it. <paramref name="side"/> gives a hunk's start and count on the line's side and
    /// its count on the other.
    /// </summary>
    private static int? Through(DiffHunk[] hunks, int line, Func<DiffHunk, (int Start, int Count, int Other)> side)
    {
        var shift = 0;
        foreach (var hunk in hunks)
        {
            var (start, count, other) = side(hunk);
            if (count > 0 && line >= start && line < start + count)
            {
                return null;
            }

            // A hunk wholly above the line shifts it; a pure insertion or deletion "at" start sits after line start.
            var above = count > 0 ? start + count - 1 < line : start < line;
            if (!above)
            {
                break;
            }

            shift += other - count;
        }

        return line + shift;
    }

    /// <summary>
    /// The analysed span of later lines <paramref name="first"/>–<paramref name="last"/>, or null when any of them drifted
    /// or a drift hunk removed analysed lines inside the span (its meaning changed since the analysis).
    /// </summary>
    public (int First, int Last)? ToAnalysed(int first, int last)
    {
        if (ToAnalysed(first) is not { } a || ToAnalysed(last) is not { } b)
        {
            return null;
        }

        // Every line between maps too, and nothing was deleted between them: the span is as long as it was.
        return b - a == last - first && sorted.All(h => h.NewCount > 0 || h.NewStart < first || h.NewStart >= last) && sorted.All(h => h.NewCount == 0 || h.NewStart + h.NewCount - 1 < first || h.NewStart > last)
            ? (a, b)
            : null;
    }
}
