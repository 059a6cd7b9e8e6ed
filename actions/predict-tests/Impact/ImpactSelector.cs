using Bookiji.Actions.PredictTests.Impact.Diff;

namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>
/// The pure decision of plan mode with impact data: a changed file's hunks, mapped through any drift since the analysed
/// commit, select the tests that executed a changed line or the innermost function holding the change. A hunk it cannot
/// place — outside every function and covered line (a new function, a type, a top-level statement no test ran), in a region
/// changed since the analysis, or in a file whose lines or drift git could not give — selects every test that executed any
/// part of the file. A file the data does not know is left to the import graph.
/// </summary>
public static class ImpactSelector
{
    /// <summary>The verdict on one modified source file.</summary>
    public static FileImpact Decide(ImpactIndex index, FileChange change)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(change);
        if (index.File(change.Path) is not { } file)
        {
            return new FileImpact(change.Path, ImpactEvidence.ImportGraph, new Dictionary<string, string>(), "no test executed it at the analysed commit");
        }

        var executors = index.Executors(change.Path).ToList();
        var tests = new Dictionary<string, string>(StringComparer.Ordinal);
        int outside = 0, mapped = 0, unmappable = 0;
        string? fileLevel = null;
        if (change.Hunks is null)
        {
            fileLevel = "its changed lines are unknown (binary, or git could not diff it)";
        }
        else if (change.Drift is null)
        {
            fileLevel = "it changed since the analysed commit, which is not in this clone";
            unmappable = change.Hunks.Count;
        }
        else
        {
            foreach (var hunk in change.Hunks)
            {
                var span = Analysed(hunk, change.Drift);
                if (span is null)
                {
                    unmappable++;
                    fileLevel ??= $"lines {LineRanges.Describe(hunk.OldStart, hunk.OldEnd)} changed since the analysed commit";
                    continue;
                }

                mapped += change.Drifted ? 1 : 0;
                var (first, last, insertion) = span.Value;
                var function = Innermost(file.Functions, first, last, insertion);
                var chosen = 0;
                foreach (var (test, pattern) in executors)
                {
                    var why = !insertion && LineRanges.Intersects(pattern.Lines, first, last) ? $"executes {change.Path}:{LineRanges.Describe(first, last)}, changed"
                        : function is { } f && pattern.Functions.Contains(f.Index) ? $"executes {change.Path}:{LineRanges.Describe(f.Start, f.End)} (the function holding the change)"
                        : null;
                    if (why is not null)
                    {
                        tests.TryAdd(test, why);
                        chosen++;
                    }
                }

                if (chosen == 0 && function is null)
                {
                    outside++;
                    fileLevel ??= $"lines {LineRanges.Describe(hunk.OldStart, hunk.OldEnd)} lie outside every function and covered line";
                }
            }
        }

        var note = $"{change.Hunks?.Count ?? 0} hunk(s)" + (mapped > 0 ? $", {mapped} mapped through drift since the analysed commit" : string.Empty);
        if (fileLevel is null)
        {
            return new FileImpact(change.Path, ImpactEvidence.Lines, tests, note + "; decided by executed lines and functions") { DriftMapped = mapped };
        }

        foreach (var (test, _) in executors)
        {
            tests.TryAdd(test, $"executes {change.Path}; {fileLevel}");
        }

        return new FileImpact(change.Path, ImpactEvidence.File, tests, $"{note}; every test executing the file runs: {fileLevel}")
        {
            OutsideFunctions = outside,
            DriftMapped = mapped,
            DriftUnmappable = unmappable,
        };
    }

    /// <summary>The hunk's lines in the analysed version: a replacement's lines, or an insertion's two neighbours.</summary>
    private static (int First, int Last, bool Insertion)? Analysed(DiffHunk hunk, LineMap drift)
    {
        if (!hunk.IsInsertion)
        {
            return drift.ToAnalysed(hunk.OldStart, hunk.OldEnd) is { } span ? (span.First, span.Last, false) : null;
        }

        // Inserted after base line OldStart: between it and the next one, both of which must still be where they were.
        if (hunk.OldStart == 0)
        {
            return (0, 1, true);
        }

        return drift.ToAnalysed(hunk.OldStart, hunk.OldStart + 1) is { } gap ? (gap.First, gap.Last, true) : null;
    }

    /// <summary>The innermost function holding the span (for an insertion, holding the gap strictly inside it).</summary>
    private static (int Index, int Start, int End)? Innermost(IReadOnlyList<int> functions, int first, int last, bool insertion)
    {
        (int Index, int Start, int End)? best = null;
        for (var i = 0; i + 1 < functions.Count; i += 2)
        {
            int start = functions[i], end = functions[i + 1];
            var holds = insertion ? start <= first && end >= last && end > start : start <= first && end >= last;
            if (holds && (best is null || start > best.Value.Start || (start == best.Value.Start && end < best.Value.End)))
            {
                best = (i / 2, start, end);
            }
        }

        return best;
    }
}
