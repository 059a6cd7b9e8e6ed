using Bookiji.Actions.PredictTests.Impact.Diff;

namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>
/// The pure decision of plan mode with impact data: a changed file's hunks, mapped through any drift since the analysed
/// commit, select the tests that executed a changed line or the innermost function holding the change. A hunk in a region
/// changed since the analysis is placed by the function still holding it. A top-level insertion of nothing but declarations
/// selects nothing by itself. A hunk it cannot place — outside every function and covered line (a top-level statement no
/// test ran, a changed type), in a drifted region no function holds, or in a file whose lines or drift git could not give —
/// selects every test that executed any part of the file. A file the data does not know is left to the import graph.
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
        int outside = 0, mapped = 0, unmappable = 0, enclosing = 0, declarations = 0, neverRun = 0;
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
                // Adding or dropping an imported name changes no code that runs: the code that uses the name is another hunk.
                if (change.Imports is { } imports && Rebinds(hunk, imports))
                {
                    declarations++;
                    continue;
                }

                var span = Analysed(hunk, change.Drift);
                if (span is null)
                {
                    // The region changed since the analysis: the hunk lies between the nearest lines that are still where
                    // they were; the innermost function holding both still holds it, and its callers are the tests that reach it.
                    var (above, below) = Widen(hunk, change.Drift);
                    if (Innermost(file.Functions, above, below, insertion: true) is { } holder)
                    {
                        enclosing++;
                        foreach (var (test, pattern) in executors.Where(e => e.Pattern.Functions.Contains(holder.Index)))
                        {
                            tests.TryAdd(test, $"executes {change.Path}:{LineRanges.Describe(holder.Start, holder.End)} at the analysed commit (the function holding the change, changed since)");
                        }
                    }
                    else if (Inert(hunk))
                    {
                        declarations++;
                    }
                    else
                    {
                        unmappable++;
                        fileLevel ??= $"lines {LineRanges.Describe(hunk.OldStart, hunk.OldEnd)} changed since the analysed commit";
                    }

                    continue;
                }

                mapped += change.Drifted ? 1 : 0;
                var (first, last, insertion) = span.Value;
                var function = Innermost(file.Functions, first, last, insertion);
                // A top-level function's first line is its declaration: `const f = () => {` runs at import in every test that
                // loads the module, so a change there is decided by f's callers, not by that line's import-time run. A nested
                // function's first line ran because its caller did (hono 765d13b0: `.then((s) =>` on one line): it stays.
                var from = function is { } declared && !insertion && declared.Start == first && !Nested(file.Functions, declared.Index) ? first + 1 : first;
                var chosen = 0;
                foreach (var (test, pattern) in executors)
                {
                    var why = !insertion && from <= last && LineRanges.Intersects(pattern.Lines, from, last) ? $"executes {change.Path}:{LineRanges.Describe(from, last)}, changed"
                        : function is { } f && pattern.Functions.Contains(f.Index) ? $"executes {change.Path}:{LineRanges.Describe(f.Start, f.End)} (the function holding the change)"
                        : null;
                    if (why is not null)
                    {
                        tests.TryAdd(test, why);
                        chosen++;
                    }
                }

                if (chosen == 0 && function is null && Inert(hunk))
                {
                    declarations++;
                }
                else if (chosen == 0 && function is null && !insertion && Covers(file.Code, first, last))
                {
                    neverRun++; // code no test ran (an uncalled function v8 did not list, a branch never taken)
                }
                else if (chosen == 0 && function is null)
                {
                    outside++;
                    fileLevel ??= $"lines {LineRanges.Describe(hunk.OldStart, hunk.OldEnd)} lie outside every function and covered line";
                }
            }
        }

        var note = $"{change.Hunks?.Count ?? 0} hunk(s)" + (mapped > 0 ? $", {mapped} mapped through drift since the analysed commit" : string.Empty)
            + (enclosing > 0 ? $", {enclosing} in a drifted region placed by the function holding it" : string.Empty)
            + (declarations > 0 ? $", {declarations} only adding declarations or changing comments" : string.Empty)
            + (neverRun > 0 ? $", {neverRun} in code no test ran" : string.Empty);
        if (fileLevel is null)
        {
            return new FileImpact(change.Path, ImpactEvidence.Lines, tests, note + "; decided by executed lines and functions") { DriftMapped = mapped, DriftEnclosing = enclosing, Declarations = declarations + neverRun };
        }

        // A file the reports list but no test executed a line of (its module is all re-exports, or source maps lost its
        // lines) gives file level nothing to stand on: the import graph decides, as the order says.
        if (executors.Count == 0)
        {
            return new FileImpact(change.Path, ImpactEvidence.ImportGraph, new Dictionary<string, string>(), $"{note}; {fileLevel}, and no test executed any line of it at the analysed commit, so the import graph decides");
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
            DriftEnclosing = enclosing,
            Declarations = declarations + neverRun,
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

    /// <summary>
    /// For a hunk in a drifted region: the analysed lines of the nearest base lines above and below it that drift left in
    /// place (0 and <see cref="int.MaxValue"/> when there are none within <see cref="MaxWiden"/> lines).
    /// </summary>
    private static (int Above, int Below) Widen(DiffHunk hunk, LineMap drift)
    {
        var (first, last) = hunk.IsInsertion ? (hunk.OldStart + 1, hunk.OldStart) : (hunk.OldStart, hunk.OldEnd);
        var above = 0;
        for (var line = first - 1; line >= 1 && line >= first - MaxWiden; line--)
        {
            if (drift.ToAnalysed(line) is { } a)
            {
                above = a;
                break;
            }
        }

        var below = int.MaxValue;
        for (var line = last + 1; line <= last + MaxWiden; line++)
        {
            if (drift.ToAnalysed(line) is { } b)
            {
                below = b;
                break;
            }
        }

        return (above, below);
    }

    /// <summary>How far <see cref="Widen"/> looks for a line drift left in place.</summary>
    private const int MaxWiden = 5_000;

    /// <summary>
    /// Whether the hunk changes nothing that runs: it inserts declarations only (new functions and types are inert until a
    /// caller — another hunk — uses them), or it changes comments only (comments are not code).
    /// </summary>
    private static bool Inert(DiffHunk hunk) =>
        (hunk.IsInsertion && Declarations.OnlyDeclarations(hunk.Added)) || Declarations.OnlyComments(hunk.Removed, hunk.Added);

    /// <summary>Whether both sides of the hunk lie on import lines (or blank ones) of a change that only rebinds names.</summary>
    private static bool Rebinds(DiffHunk hunk, ImportSpans imports) =>
        (hunk.OldCount == 0 || ImportStatements.Within(imports.Before, hunk.OldStart, hunk.Removed))
        && (hunk.NewCount == 0 || ImportStatements.Within(imports.After, hunk.NewStart, hunk.Added));

    /// <summary>Whether every line of the span is code the reports listed.</summary>
    private static bool Covers(IReadOnlyList<int> code, int first, int last)
    {
        for (var r = 0; r + 1 < code.Count; r += 2)
        {
            if (code[r] <= first && last <= code[r + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether another function holds function <paramref name="index"/>.</summary>
    private static bool Nested(IReadOnlyList<int> functions, int index)
    {
        int start = functions[index * 2], end = functions[(index * 2) + 1];
        for (var i = 0; i + 1 < functions.Count; i += 2)
        {
            if (i / 2 != index && functions[i] <= start && functions[i + 1] >= end && (functions[i] != start || functions[i + 1] != end))
            {
                return true;
            }
        }

        return false;
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
