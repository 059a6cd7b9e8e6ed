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
    public int? ToAnalysed(int line)
    {
        var shift = 0;
        foreach (var hunk in sorted)
        {
            if (hunk.NewCount > 0 && line >= hunk.NewStart && line < hunk.NewStart + hunk.NewCount)
            {
                return null;
            }

            // A hunk wholly above the line shifts it; a deletion "at" NewStart sits after line NewStart.
            var above = hunk.NewCount > 0 ? hunk.NewStart + hunk.NewCount - 1 < line : hunk.NewStart < line;
            if (!above)
            {
                break;
            }

            shift += hunk.OldCount - hunk.NewCount;
        }

        return line + shift;
    }

    /// <summary>The later line of analysed line <paramref name="line"/>, or null when a hunk replaced or removed it.</summary>
    public int? ToLater(int line)
    {
        var shift = 0;
        foreach (var hunk in byOld)
        {
            if (hunk.OldCount > 0 && line >= hunk.OldStart && line < hunk.OldStart + hunk.OldCount)
            {
                return null;
            }

            var above = hunk.OldCount > 0 ? hunk.OldStart + hunk.OldCount - 1 < line : hunk.OldStart < line;
            if (!above)
            {
                break;
            }

            shift += hunk.NewCount - hunk.OldCount;
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
