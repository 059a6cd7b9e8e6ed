using System.Text.RegularExpressions;
using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.PredictTests.Impact.Diff;

/// <summary>
/// Whether inserted top-level code only declares: function declarations, interfaces, type aliases and <c>const f = (…) =&gt; {…}</c>
/// run nothing at import but binding a name, so on their own they change no test's behaviour — a caller that starts using
/// them is a hunk of its own. Anything else (a call, an assignment, an expression statement, a class with static blocks,
/// an unbalanced fragment) is not "only declarations". A lexer, not a parser: in doubt, false.
/// </summary>
public static partial class Declarations
{
    /// <summary>The most text looked at; longer insertions are not judged.</summary>
    public const int MaxChars = 64 * 1024;

    /// <summary>True when <paramref name="text"/> is nothing but declarations (and comments).</summary>
    public static bool OnlyDeclarations(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxChars)
        {
            return false;
        }

        var code = SourceCode.Of(text);
        var s = code.Text;
        var i = 0;
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i >= s.Length)
            {
                return true;
            }

            if (ConstantEnd(code, i) is var constant and > 0)
            {
                i = constant;
                continue;
            }

            var header = Header().Match(s, i);
            if (!header.Success || header.Index != i)
            {
                return false;
            }

            var after = header.Index + header.Length;
            var end = header.Groups["type"].Success ? StatementEnd(code, after)
                : header.Groups["function"].Success ? (SignatureEnd(code, after) is var body and >= 0 ? BlockEnd(code, body) : -1)
                : BlockEnd(code, after);
            if (end < 0)
            {
                return false;
            }

            i = end;
            if (i < s.Length && s[i] == ';')
            {
                i++;
            }
        }
    }

    /// <summary>
    /// True when both texts are known and hold nothing but comments and whitespace (comments are not code) — except the
    /// comments compilers read: triple-slash references, <c>@ts-</c> pragmas and JSX pragmas change what is checked or emitted.
    /// </summary>
    public static bool OnlyComments(string? removed, string? added) =>
        removed is not null && added is not null && removed.Length + added.Length <= MaxChars
        && !Pragma().IsMatch(removed) && !Pragma().IsMatch(added)
        && string.IsNullOrWhiteSpace(SourceCode.Of(removed).Text) && string.IsNullOrWhiteSpace(SourceCode.Of(added).Text);

    [GeneratedRegex(@"///\s*<(?:reference|amd-)|@ts-|@jsx|@flow|istanbul\s+ignore|c8\s+ignore|v8\s+ignore", RegexOptions.CultureInvariant)]
    private static partial Regex Pragma();

    /// <summary>
    /// Where a function declaration's body opens, past its generics, parameters and return type (which may hold object types:
    /// a <c>{</c> right after <c>:</c>, <c>|</c>, <c>&amp;</c>, <c>,</c>, <c>(</c>, <c>&lt;</c> or <c>=&gt;</c> is a type); -1 when there is none.
    /// </summary>
    private static int SignatureEnd(SourceCode code, int from)
    {
        var text = code.Text;
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            if (code.InLiteral(i))
            {
                continue;
            }

            switch (text[i])
            {
                case '(' or '[' or '<':
                    depth++;
                    break;
                case '>' when i > 0 && text[i - 1] == '=':
                    break; // an arrow in a function type
                case ')' or ']' or '>' or '}':
                    if (--depth < 0)
                    {
                        return -1;
                    }

                    break;
                case '{' when depth == 0 && !StartsAType(text, i):
                    return i;
                case '{':
                    depth++;
                    break;
                case ';' when depth == 0:
                    return -1; // an overload signature: not judged
            }
        }

        return -1;
    }

    /// <summary>Whether the <c>{</c> at <paramref name="at"/> opens an object type: what stands before it expects a type.</summary>
    private static bool StartsAType(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i >= 0 && (text[i] is ':' or '|' or '&' or ',' or '(' or '<' || (text[i] == '>' && i > 0 && text[i - 1] == '='));
    }

    /// <summary>
    /// After a top-level <c>const</c> or <c>let</c> bound to one literal (a string, a template without substitutions, a
    /// number, a regular expression, <c>true</c>, <c>false</c>, <c>null</c>), and its <c>;</c>; 0 when the text at
    /// <paramref name="at"/> is not one. Binding a literal runs nothing: only the code that reads it, another hunk, can change.
    /// </summary>
    private static int ConstantEnd(SourceCode code, int at)
    {
        var head = Constant().Match(code.Text, at);
        if (!head.Success || head.Index != at)
        {
            return 0;
        }

        var text = code.Text;
        var i = head.Index + head.Length;
        int end;
        if (code.InLiteral(i) && text[i] is '\'' or '"' or '`')
        {
            end = i + 1;
            while (end < text.Length && code.InLiteral(end))
            {
                end++;
            }

            if (text[i] == '`' && text.AsSpan(i, end - i).Contains("${", StringComparison.Ordinal))
            {
                return 0;
            }
        }
        else if (text[i] == '/')
        {
            end = RegexEnd(text, i);
        }
        else if (Scalar().Match(text, i) is { Success: true } scalar && scalar.Index == i)
        {
            end = i + scalar.Length;
        }
        else
        {
            return 0;
        }

        if (end <= i)
        {
            return 0;
        }

        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return end >= text.Length ? end : text[end] == ';' ? end + 1 : text[end] is '\n' or '\r' ? end : 0;
    }

    /// <summary>After the regular expression literal opening at <paramref name="at"/> and its flags; 0 when it does not close on its line.</summary>
    private static int RegexEnd(string text, int at)
    {
        var inClass = false;
        for (var i = at + 1; i < text.Length && text[i] is not '\n' and not '\r'; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    inClass = true;
                    break;
                case ']':
                    inClass = false;
                    break;
                case '/' when !inClass:
                    i++;
                    while (i < text.Length && char.IsAsciiLetter(text[i]))
                    {
                        i++;
                    }

                    return i;
            }
        }

        return 0;
    }

    /// <summary>After the block that closes at depth 0 (the first <c>{</c> met at depth 0 opens it); -1 when unbalanced.</summary>
    private static int BlockEnd(SourceCode code, int from)
    {
        var depth = 0;
        var opened = false;
        for (var i = from; i < code.Text.Length; i++)
        {
            if (code.InLiteral(i))
            {
                continue;
            }

            switch (code.Text[i])
            {
                case '(' or '[':
                    depth++;
                    break;
                case '{':
                    opened |= depth == 0;
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (--depth < 0)
                    {
                        return -1;
                    }

                    if (depth == 0 && opened && code.Text[i] == '}')
                    {
                        return i + 1;
                    }

                    break;
                case ';' when depth == 0:
                    return -1; // a statement ended before any body: not a declaration we know
            }
        }

        return -1;
    }

    /// <summary>At the <c>;</c> ending a type alias at depth 0 (or the end of the text); -1 when unbalanced.</summary>
    private static int StatementEnd(SourceCode code, int from)
    {
        var depth = 0;
        for (var i = from; i < code.Text.Length; i++)
        {
            if (code.InLiteral(i))
            {
                continue;
            }

            switch (code.Text[i])
            {
                case '(' or '[' or '{' or '<':
                    depth++;
                    break;
                case ')' or ']' or '}' or '>' when code.Text[i] != '>' || i == 0 || code.Text[i - 1] != '=':
                    if (--depth < 0)
                    {
                        return -1;
                    }

                    break;
                case ';' when depth == 0:
                    return i;
            }
        }

        return depth == 0 ? code.Text.Length : -1;
    }

    [GeneratedRegex(@"\G(?:export\s+)?(?:const|let)\s+[\w$]+\s*(?::\s*[\w$.]+(?:\[\])?\s*)?=\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Constant();

    [GeneratedRegex(@"(?:-?(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)n?|true|false|null)(?![\w$])", RegexOptions.CultureInvariant)]
    private static partial Regex Scalar();

    [GeneratedRegex(@"\G(?:export\s+)?(?:declare\s+)?(?:(?<function>(?:async\s+)?function\s*\*?\s*[\w$]+\s*(?=[<(]))|interface\s+[\w$]+|(?<type>type\s+[\w$]+\s*(?:<[^=;]*>)?\s*=)|(?:const|let)\s+[\w$]+\s*(?::[^=;{]*)?=\s*(?:async\s+)?(?:\([^()]*\)|[\w$]+)\s*(?::[^=;{]*)?=>\s*(?=\{))", RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
