using System.Text.RegularExpressions;
using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.PredictTests.Impact.Diff;

/// <summary>
/// A module's static import statements, read lexically (comments and literals are not code), and whether a change between
/// two versions of a module only rebinds names (<see cref="ImportSpans"/>). A lexer, not a parser: a statement it cannot
/// read (a string export name, a clause it does not know) makes the answer "not only rebinding".
/// </summary>
public static partial class ImportStatements
{
    /// <summary>The most text read; a longer file gets no answer.</summary>
    public const int MaxChars = 2 * 1024 * 1024;

    /// <summary>
    /// The import lines of both versions when the change between them only rebinds names: the same modules load (bare and
    /// binding imports, <c>import type</c> aside: TypeScript erases those), and no name both versions bind changes what it
    /// refers to. Null otherwise, or when either text cannot be read.
    /// </summary>
    public static ImportSpans? Rebinding(string? before, string? after)
    {
        if (Read(before) is not { } old || Read(after) is not { } now)
        {
            return null;
        }

        if (!old.Modules.SetEquals(now.Modules))
        {
            return null;
        }

        foreach (var (local, binding) in old.Bindings)
        {
            // A name kept must mean what it meant; a name dropped must be used no more (else the code that still uses it breaks).
            if (now.Bindings.TryGetValue(local, out var kept) ? kept != binding : now.Words.Contains(local))
            {
                return null;
            }
        }

        return new ImportSpans(old.Lines, now.Lines);
    }

    /// <summary>Whether every line of a hunk side is an import line or blank (<paramref name="text"/>: its lines, from <paramref name="first"/>).</summary>
    public static bool Within(IReadOnlyList<int> lines, int first, string? text)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (text is null)
        {
            return false;
        }

        var rows = text.Split('\n');
        for (var i = 0; i < rows.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(rows[i]) && !LineRanges.Intersects(lines, first + i, first + i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A module's imports: the modules it loads, the names it binds, its import lines and the words of the rest of its code.</summary>
    private sealed record Module(HashSet<string> Modules, Dictionary<string, ImportBinding> Bindings, int[] Lines, HashSet<string> Words);

    private static Module? Read(string? text)
    {
        if (text is null || text.Length > MaxChars)
        {
            return null;
        }

        var code = SourceCode.Of(text);
        var modules = new HashSet<string>(StringComparer.Ordinal);
        var bindings = new Dictionary<string, ImportBinding>(StringComparer.Ordinal);
        var marks = new List<bool> { false };
        var spans = new List<(int Start, int End)>();
        var (at, line) = (0, 1);
        int LineOf(int index)
        {
            for (; at < index; at++)
            {
                line += code.Text[at] == '\n' ? 1 : 0;
            }

            return line;
        }

        foreach (var match in code.CodeMatches(Keyword()))
        {
            var statement = Statement().Match(code.Text, match.Index);
            if (!statement.Success || statement.Index != match.Index)
            {
                // `import(` and `import.meta` are expressions; any other `import` at a statement start is one we cannot read.
                if (DynamicOrMeta().IsMatch(code.Text, match.Index + match.Length))
                {
                    continue;
                }

                return null;
            }

            var specifier = statement.Groups["spec"].Value;
            var typeOnly = statement.Groups["type"].Success;
            if (!typeOnly)
            {
                modules.Add(specifier);
            }

            if (statement.Groups["clause"].Success && !Bind(statement.Groups["clause"].Value, specifier, bindings))
            {
                return null;
            }

            spans.Add((statement.Index, statement.Index + statement.Length));
            var first = LineOf(statement.Index);
            Mark(marks, first, LineOf(statement.Index + statement.Length - 1));
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        var statements = spans.Count;
        var next = 0;
        foreach (var word in code.CodeMatches(Word()))
        {
            while (next < statements && spans[next].End <= word.Index)
            {
                next++;
            }

            if (next >= statements || word.Index < spans[next].Start)
            {
                words.Add(word.Value);
            }
        }

        return new Module(modules, bindings, LineRanges.FromMarks(marks), words);
    }

    /// <summary>Adds the clause's names (taken apart as the import graph takes them); false when it cannot be, or binds a name twice.</summary>
    private static bool Bind(string clause, string specifier, Dictionary<string, ImportBinding> bindings)
    {
        if (ModuleAnalyzer.ImportBindings(clause) is not { } names)
        {
            return false;
        }

        foreach (var (local, imported) in names)
        {
            // A name bound twice is a module that does not compile; no answer either way.
            if (!bindings.TryAdd(local, new ImportBinding(local, imported, specifier)))
            {
                return false;
            }
        }

        return true;
    }

    private static void Mark(List<bool> marks, int first, int last)
    {
        while (marks.Count <= last)
        {
            marks.Add(false);
        }

        for (var line = first; line <= last; line++)
        {
            marks[line] = true;
        }
    }

    [GeneratedRegex(@"(?<![\w$.])import(?![\w$])", RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"(?<![\w$])[A-Za-z_$][\w$]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\G\s*[(.]", RegexOptions.CultureInvariant)]
    private static partial Regex DynamicOrMeta();

    [GeneratedRegex(@"\Gimport\s*(?:(?<type>type\s+)?(?<clause>(?:[\w$]+\s*,\s*)?(?:\*\s*as\s+[\w$]+|\{[^{}'""`]*\})|[\w$]+)\s*from\s*)?(?<q>['""])(?<spec>[^'""\r\n]*)\k<q>(?:\s*(?:with|assert)\s*\{[^{}]*\})?[ \t]*;?", RegexOptions.CultureInvariant)]
    private static partial Regex Statement();
}
