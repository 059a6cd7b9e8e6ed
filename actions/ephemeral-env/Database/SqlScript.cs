namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>One statement of a script and where it starts.</summary>
/// <param name="Text">The statement as sent (without the terminating ';').</param>
/// <param name="Offset">Its first character's index in the script.</param>
public sealed record SqlStatement(string Text, int Offset);

/// <summary>
/// Splits a PostgreSQL script into statements at top-level ';' — not inside quotes, identifiers, comments or
/// dollar-quoted bodies — so a migration runs statement by statement and an error's position maps to a file line.
/// </summary>
public static class SqlScript
{
    /// <summary>The statements, blank ones (only white space or comments) left out.</summary>
    public static IReadOnlyList<SqlStatement> Split(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var statements = new List<SqlStatement>();
        var start = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\'' || c == '"')
            {
                i = SkipQuoted(sql, i, c, escapes: c == '\'' && IsEStringPrefix(sql, i));
            }
            else if (c == '-' && Next(sql, i) == '-')
            {
                i = sql.IndexOf('\n', i) is var nl and >= 0 ? nl + 1 : sql.Length;
            }
            else if (c == '/' && Next(sql, i) == '*')
            {
                i = SkipBlockComment(sql, i);
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + tag.Length;
            }
            else if (c == ';')
            {
                Add(statements, sql, start, i);
                start = ++i;
            }
            else
            {
                i++;
            }
        }

        Add(statements, sql, start, sql.Length);
        return statements;
    }

    /// <summary>The 1-based line of a character index.</summary>
    public static int LineAt(string sql, int index) => sql.AsSpan(0, Math.Clamp(index, 0, sql.Length)).Count('\n') + 1;

    private static void Add(List<SqlStatement> statements, string sql, int start, int end)
    {
        var text = sql[start..end];
        if (HasCode(text))
        {
            statements.Add(new SqlStatement(text, start));
        }
    }

    private static bool HasCode(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith("--", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the quote at <paramref name="i"/> opens an escape string: an <c>E</c> standing alone just before it
    /// (<c>E'a\'b'</c>), not the last letter of a word such as <c>LIKE'a\'</c>, where the backslash is plain text.
    /// </summary>
    private static bool IsEStringPrefix(string sql, int i) =>
        i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && (i < 2 || !IsIdentifierChar(sql[i - 2]));

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    private static char Next(string sql, int i) => i + 1 < sql.Length ? sql[i + 1] : '\0';

    private static int SkipQuoted(string sql, int i, char quote, bool escapes)
    {
        for (i++; i < sql.Length; i++)
        {
            if (escapes && sql[i] == '\\')
            {
                i++;
            }
            else if (sql[i] == quote)
            {
                if (Next(sql, i) != quote)
                {
                    return i + 1;
                }

                i++;
            }
        }

        return sql.Length;
    }

    private static int SkipBlockComment(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && Next(sql, i) == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && Next(sql, i) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    /// <summary>The <c>$tag$</c> starting at <paramref name="i"/>, if it is one (a tag is letters, digits, '_', not starting with a digit).</summary>
    private static string? DollarTag(string sql, int i)
    {
        if (i > 0 && (char.IsLetterOrDigit(sql[i - 1]) || sql[i - 1] == '_'))
        {
            return null;
        }

        var j = i + 1;
        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
        {
            j++;
        }

        if (j >= sql.Length || sql[j] != '$' || (j > i + 1 && char.IsDigit(sql[i + 1])))
        {
            return null;
        }

        return sql[i..(j + 1)];
    }
}
