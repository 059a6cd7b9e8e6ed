using System.Text;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Runners;

/// <summary>
/// A test runner's glob (picomatch/micromatch, as vitest and jest read them) as a regex over repository-relative
/// paths: <c>**</c>, <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>{a,b}</c> and the extglobs <c>?(…)</c>, <c>*(…)</c>,
/// <c>+(…)</c>, <c>@(…)</c>, <c>!(…)</c>, and plain <c>(a|b)</c> groups. A pattern that does not start with <c>**</c> or <c>/</c> is relative to the
/// config's folder, as the runners take it.
/// </summary>
public static class RunnerGlob
{
    /// <summary>The regex for <paramref name="glob"/>, matched against a path relative to the config's folder; null when it cannot be read.</summary>
    public static Regex? Compile(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var pattern = glob.StartsWith("./", StringComparison.Ordinal) ? glob[2..] : glob;
        var regex = new StringBuilder("^");
        var groups = new Stack<char>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
            if (c is '?' or '*' or '+' or '@' or '!' && next == '(')
            {
                groups.Push(c);
                regex.Append(c == '!' ? "(?:(?!" : "(?:");
                i++;
                continue;
            }

            switch (c)
            {
                case '*' when next == '*':
                    var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    regex.Append(slash ? "(?:[^/]*(?:/|$))*" : ".*");
                    i += slash ? 2 : 1;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    var set = pattern[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') || set.StartsWith('^') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '{':
                    groups.Push('{');
                    regex.Append("(?:");
                    break;
                case '(':
                    groups.Push('@'); // a plain group, as picomatch reads `(*.)+(spec|test)`
                    regex.Append("(?:");
                    break;
                case ',' when groups.Count > 0 && groups.Peek() == '{':
                    regex.Append('|');
                    break;
                case '}' when groups.Count > 0 && groups.Peek() == '{':
                    groups.Pop();
                    regex.Append(')');
                    break;
                case '|' when groups.Count > 0:
                    regex.Append('|');
                    break;
                case ')' when groups.Count > 0 && groups.Peek() != '{':
                    var kind = groups.Pop();
                    regex.Append(kind switch { '?' => ")?", '*' => ")*", '+' => ")+", '!' => ")[^/]*?)", _ => ")" });
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (groups.Count > 0)
        {
            return null;
        }

        try
        {
            return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
