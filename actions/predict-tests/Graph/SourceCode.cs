namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// A TS/JS file's text as code: comments blanked (newlines kept, so offsets and line numbers hold) and where its
/// string and template literals lie. Imports are read from <see cref="Text"/> and an occurrence that starts inside a
/// literal is prose, not code (<c>* import { App } from 'pkg'</c> in a JSDoc example, <c>"require('x')"</c> in a test's
/// fixture string). A lexer, not a parser: regex literals are told from division by the token before them, and a
/// quote that a line never closes ends at that line, so one odd character costs at most one line.
/// </summary>
public sealed class SourceCode
{
    private static readonly HashSet<string> KeywordsBeforeAnExpression = new(StringComparer.Ordinal)
    {
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await",
    };

    private readonly List<(int Start, int End)> _literals;

    private SourceCode(string text, List<(int Start, int End)> literals)
    {
        Text = text;
        _literals = literals;
    }

    /// <summary>The source with every comment replaced by spaces (line breaks kept).</summary>
    public string Text { get; }

    /// <summary>Whether the character at <paramref name="index"/> is part of a string or template literal (quotes included, <c>${…}</c> code excluded).</summary>
    public bool InLiteral(int index)
    {
        int lo = 0, hi = _literals.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var (start, end) = _literals[mid];
            if (index < start)
            {
                hi = mid - 1;
            }
            else if (index > end)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The matches of <paramref name="pattern"/> in <see cref="Text"/> that begin outside every literal. A match that
    /// begins inside one may run past its end into real code (<c>'auto import '; require('./m')</c>), so the search
    /// resumes right after where such a match began.
    /// </summary>
    public IEnumerable<System.Text.RegularExpressions.Match> CodeMatches(System.Text.RegularExpressions.Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        for (var at = 0; at < Text.Length;)
        {
            var match = pattern.Match(Text, at);
            if (!match.Success)
            {
                yield break;
            }

            if (InLiteral(match.Index))
            {
                at = match.Index + 1;
                continue;
            }

            at = match.Index + Math.Max(1, match.Length);
            yield return match;
        }
    }

    /// <summary>
    /// The text of every whole string literal that is a relative path (<c>'./x'</c>, <c>"../dist/y.js"</c>): quoted
    /// ones, and template literals without <c>${…}</c>; escapes are left as written. Only these are cut out of the text.
    /// </summary>
    public IEnumerable<string> RelativePathLiterals()
    {
        foreach (var (start, end) in _literals)
        {
            var open = Text[start];
            if (open is '\'' or '"' or '`' && end - start > 3 && Text[end] == open && Text[start + 1] == '.'
                && (Text[start + 2] == '/' || (Text[start + 2] == '.' && Text[start + 3] == '/')))
            {
                yield return Text[(start + 1)..end];
            }
        }
    }

    /// <summary>
    /// Lexes a <c>.vue</c> or <c>.svelte</c> file: only what its <c>&lt;script&gt;</c> elements hold is code; the
    /// markup around them is blanked (a <c>/*</c> or backtick in template text would otherwise swallow the script).
    /// </summary>
    public static SourceCode OfMarkup(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var chars = new char[source.Length];
        System.Array.Fill(chars, ' ');
        var at = 0;
        while (at < source.Length)
        {
            var open = source.IndexOf("<script", at, StringComparison.OrdinalIgnoreCase);
            var body = open < 0 ? -1 : source.IndexOf('>', open);
            if (body < 0)
            {
                break;
            }

            var close = source.IndexOf("</script", body, StringComparison.OrdinalIgnoreCase);
            var end = close < 0 ? source.Length : close;
            source.CopyTo(body + 1, chars, body + 1, end - body - 1);
            at = end + 1;
        }

        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] is '\n' or '\r')
            {
                chars[i] = source[i];
            }
        }

        return Of(new string(chars));
    }

    /// <summary>Lexes <paramref name="source"/>.</summary>
    public static SourceCode Of(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        char[]? text = null; // copied at the first comment: most files' code is their text
        var literals = new List<(int, int)>();
        var templates = new Stack<int>(); // per open ${ … }: how many { are open inside it
        var last = -1; // the last significant character's index
        var n = source.Length;
        var i = 0;
        while (i < n)
        {
            var c = source[i];
            var next = i + 1 < n ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                text ??= source.ToCharArray();
                for (; i < n && source[i] != '\n'; i++)
                {
                    text[i] = ' ';
                }

                continue;
            }

            if (c == '/' && next == '*')
            {
                var close = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    // Never closed: more likely `/*` in text (`src/*.ts` in JSX) than a comment to the end of the file.
                    last = i;
                    i += 2;
                    continue;
                }

                var end = close + 2;
                text ??= source.ToCharArray();
                for (; i < end; i++)
                {
                    if (text[i] is not ('\n' or '\r'))
                    {
                        text[i] = ' ';
                    }
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                var start = i++;
                while (i < n && source[i] != c && source[i] != '\n')
                {
                    i += source[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i, n - 1);
                literals.Add((start, i));
                last = i++;
                continue;
            }

            if (c == '`' || (c == '}' && templates.Count > 0 && templates.Peek() == 0))
            {
                if (c == '}')
                {
                    templates.Pop();
                }

                (i, var resumed) = Template(source, i, literals);
                if (resumed)
                {
                    templates.Push(0);
                }

                last = i - 1;
                continue;
            }

            if (templates.Count > 0 && c is '{' or '}')
            {
                templates.Push(templates.Pop() + (c == '{' ? 1 : -1));
            }

            if (c == '/' && RegexMayStart(source, last))
            {
                i = SkipRegex(source, i);
                last = i - 1;
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                last = i;
            }

            i++;
        }

        return new SourceCode(text is null ? source : new string(text), literals);
    }

    /// <summary>
    /// A template literal's text from <paramref name="open"/> (its backtick, or the <c>}</c> that ends a <c>${…}</c>) to
    /// its closing backtick or the next <c>${</c>: returns the index after it and whether code (a <c>${</c>) follows.
    /// </summary>
    private static (int Next, bool Resumed) Template(string source, int open, List<(int, int)> literals)
    {
        var i = open + 1;
        while (i < source.Length)
        {
            switch (source[i])
            {
                case '\\':
                    i += 2;
                    continue;
                case '`':
                    literals.Add((open, i));
                    return (i + 1, false);
                case '$' when i + 1 < source.Length && source[i + 1] == '{':
                    literals.Add((open, i + 1));
                    return (i + 2, true);
                default:
                    i++;
                    continue;
            }
        }

        // Never closed: a stray backtick (markup, prose), not a literal to the end of the file; lexing goes on after it.
        return (open + 1, false);
    }

    /// <summary>Whether a <c>/</c> after the character at <paramref name="last"/> starts a regex literal rather than a division.</summary>
    private static bool RegexMayStart(string source, int last)
    {
        if (last < 0)
        {
            return true;
        }

        var c = source[last];
        if (char.IsLetterOrDigit(c) || c is '_' or '$')
        {
            var start = last;
            while (start > 0 && (char.IsLetterOrDigit(source[start - 1]) || source[start - 1] is '_' or '$'))
            {
                start--;
            }

            return KeywordsBeforeAnExpression.Contains(source[start..(last + 1)]);
        }

        // After ) ] } a value ends: division. < and > are left out too (`</div>` in JSX is a closing tag, not a
        // regex), except the arrow: `p => /^\/\//.test(p)`.
        return c is '(' or ',' or '=' or ':' or '[' or '!' or '&' or '|' or '?' or '{' or ';' or '+' or '-' or '*' or '%' or '~' or '^'
            || (c == '>' && last > 0 && source[last - 1] == '=');
    }

    /// <summary>The index after a regex literal starting at <paramref name="open"/> (it cannot span lines).</summary>
    private static int SkipRegex(string source, int open)
    {
        var i = open + 1;
        var inClass = false;
        while (i < source.Length && source[i] != '\n')
        {
            var c = source[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                i++;
                while (i < source.Length && char.IsLetter(source[i]))
                {
                    i++;
                }

                return i;
            }

            i++;
        }

        return Math.Min(i, source.Length);
    }
}
