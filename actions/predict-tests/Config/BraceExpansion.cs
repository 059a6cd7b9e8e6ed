namespace Bookiji.Actions.PredictTests.Config;

/// <summary>
/// Expands shell-style brace lists in globs (<c>**/*.{spec,test}.ts</c> → two globs), which the globbing
/// library does not understand: unexpanded, such a pattern silently matches nothing.
/// </summary>
public static class BraceExpansion
{
    /// <summary>The most globs one pattern may expand to (nested lists multiply).</summary>
    public const int MaxExpansions = 1000;

    /// <summary>The expanded globs, or a problem (unbalanced braces, too many expansions).</summary>
    public static (IReadOnlyList<string> Globs, string? Problem) Expand(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var results = new List<string>();
        var pending = new Stack<string>([pattern]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var (open, close, problem) = FirstGroup(current);
            if (problem is not null)
            {
                return ([], $"'{pattern}' has {problem}");
            }

            if (open < 0)
            {
                results.Add(current);
                if (results.Count > MaxExpansions)
                {
                    return ([], $"'{pattern}' expands to more than {MaxExpansions} globs");
                }

                continue;
            }

            var prefix = current[..open];
            var suffix = current[(close + 1)..];
            foreach (var alternative in Enumerable.Reverse(SplitTopLevel(current[(open + 1)..close])))
            {
                pending.Push(prefix + alternative + suffix);
            }

            if (pending.Count > MaxExpansions)
            {
                return ([], $"'{pattern}' expands to more than {MaxExpansions} globs");
            }
        }

        return (results, null);
    }

    /// <summary>The globs every pattern expands to; a pattern with a problem is kept as written (callers validate first).</summary>
    public static IEnumerable<string> ExpandAll(IEnumerable<string> patterns) =>
        patterns.SelectMany(p => Expand(p) is { Problem: null } expanded ? expanded.Globs : [p]);

    /// <summary>The first outermost <c>{…}</c> group holding a comma; (-1, -1) when there is none.</summary>
    private static (int Open, int Close, string? Problem) FirstGroup(string text)
    {
        var depth = 0;
        var open = -1;
        var hasComma = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{':
                    if (depth++ == 0)
                    {
                        open = i;
                        hasComma = false;
                    }

                    break;
                case '}':
                    if (depth == 0)
                    {
                        return (-1, -1, "a '}' without its '{'");
                    }

                    // A group without a comma stays literal, as in the shell.
                    if (--depth == 0 && hasComma)
                    {
                        return (open, i, null);
                    }

                    break;
                case ',' when depth == 1:
                    hasComma = true;
                    break;
            }
        }

        return depth == 0 ? (-1, -1, null) : (-1, -1, "a '{' without its '}'");
    }

    private static List<string> SplitTopLevel(string inner)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '{')
            {
                depth++;
            }
            else if (inner[i] == '}')
            {
                depth--;
            }
            else if (inner[i] == ',' && depth == 0)
            {
                parts.Add(inner[start..i]);
                start = i + 1;
            }
        }

        parts.Add(inner[start..]);
        return parts;
    }
}
