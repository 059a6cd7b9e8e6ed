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

            var header = Header().Match(s, i);
            if (!header.Success || header.Index != i)
            {
                return false;
            }

            var typeAlias = header.Groups["type"].Success;
            var end = typeAlias ? StatementEnd(code, header.Index + header.Length) : BlockEnd(code, header.Index + header.Length);
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

    [GeneratedRegex(@"\G(?:export\s+)?(?:declare\s+)?(?:(?:async\s+)?function\s*\*?\s*[\w$]+\s*(?=[<(])|interface\s+[\w$]+|(?<type>type\s+[\w$]+\s*(?:<[^=;]*>)?\s*=)|(?:const|let)\s+[\w$]+\s*(?::[^=;{]*)?=\s*(?:async\s+)?(?:\([^()]*\)|[\w$]+)\s*(?::[^=;{]*)?=>\s*(?=\{))", RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
