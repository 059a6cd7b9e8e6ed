namespace Bookiji.Actions.PredictTests.Impact.Coverage;

/// <summary>What one test executed of one source file.</summary>
/// <param name="Lines">The executed lines as flat inclusive ranges (<see cref="LineRanges"/>); a statement's lines that lie in
/// the body of a function nested inside it are not counted unless their own statements ran.</param>
/// <param name="Functions">Every function of the file the report knew: flat inclusive line ranges, one pair per function.</param>
/// <param name="Executed">Indexes into <paramref name="Functions"/> of the functions that were called.</param>
public sealed record FileExecution(int[] Lines, int[] Functions, int[] Executed)
{
    /// <summary>Every line some statement of the report spans, run or not (flat ranges): the file's code as the report saw it.</summary>
    public int[] Code { get; init; } = [];

    /// <summary>The most lines a covered range may reach; a location past it is hostile or broken and is dropped.</summary>
    public const int MaxLine = 1_000_000;

    /// <summary>
    /// Reads one file's Istanbul entry. A top-level <c>const f = () =&gt; {…}</c> is one statement spanning the whole function,
    /// executed at import by every test that loads the module: its body lines must not count as executed, so each statement's
    /// lines exclude the bodies (after their first line) of the functions nested inside it.
    /// </summary>
    public static FileExecution From(IstanbulFileCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var functions = new List<(int Start, int End, bool Called)>();
        foreach (var (id, function) in coverage.FnMap ?? new Dictionary<string, IstanbulFileCoverage.Function?>())
        {
            if (Span(function?.Loc) is { } span)
            {
                functions.Add((span.Start, span.End, coverage.F?.GetValueOrDefault(id) > 0));
            }
        }

        functions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        // One function per span: writers list a function once per declaration, but v8 can repeat one.
        var distinct = new List<(int Start, int End, bool Called)>();
        foreach (var f in functions)
        {
            if (distinct.Count > 0 && distinct[^1].Start == f.Start && distinct[^1].End == f.End)
            {
                distinct[^1] = (f.Start, f.End, distinct[^1].Called || f.Called);
            }
            else
            {
                distinct.Add(f);
            }
        }

        var starts = distinct.Select(f => f.Start).ToArray();
        var marks = new List<bool> { false };
        var code = new List<bool> { false };
        foreach (var statement in (coverage.StatementMap ?? new Dictionary<string, IstanbulFileCoverage.Range?>()).Values)
        {
            if (Span(statement) is { } all)
            {
                while (code.Count <= all.End)
                {
                    code.Add(false);
                }

                for (var line = all.Start; line <= all.End; line++)
                {
                    code[line] = true;
                }
            }
        }

        foreach (var (id, statement) in coverage.StatementMap ?? new Dictionary<string, IstanbulFileCoverage.Range?>())
        {
            if (!(coverage.S?.GetValueOrDefault(id) > 0) || Span(statement) is not { } span)
            {
                continue;
            }

            while (marks.Count <= span.End)
            {
                marks.Add(false);
            }

            // Functions starting inside this statement: their bodies (after the declaration line) are theirs, not its.
            var skipFrom = int.MaxValue;
            var skipTo = int.MinValue;
            var at = Array.BinarySearch(starts, span.Start);
            at = at < 0 ? ~at : at;
            while (at > 0 && starts[at - 1] == span.Start)
            {
                at--;
            }

            for (var line = span.Start; line <= span.End; line++)
            {
                while (at < distinct.Count && distinct[at].Start < line)
                {
                    if (distinct[at].End <= span.End && distinct[at].Start + 1 <= distinct[at].End && !(skipFrom <= distinct[at].Start && distinct[at].End <= skipTo))
                    {
                        (skipFrom, skipTo) = skipTo >= distinct[at].Start ? (skipFrom, Math.Max(skipTo, distinct[at].End)) : (distinct[at].Start + 1, distinct[at].End);
                    }

                    at++;
                }

                if (line < skipFrom || line > skipTo)
                {
                    marks[line] = true;
                }
            }
        }

        var flat = new int[distinct.Count * 2];
        var executed = new List<int>();
        for (var i = 0; i < distinct.Count; i++)
        {
            flat[i * 2] = distinct[i].Start;
            flat[(i * 2) + 1] = distinct[i].End;
            if (distinct[i].Called)
            {
                executed.Add(i);
            }
        }

        return new FileExecution(LineRanges.FromMarks(marks), flat, [.. executed]) { Code = LineRanges.FromMarks(code) };
    }

    private static (int Start, int End)? Span(IstanbulFileCoverage.Range? range)
    {
        var start = range?.Start?.Line ?? 0;
        var end = range?.End?.Line ?? start;
        return start < 1 || end < start || end > MaxLine ? null : (start, end);
    }
}
