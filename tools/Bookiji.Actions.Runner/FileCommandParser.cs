namespace Bookiji.Actions.Runner;

/// <summary>
/// Reads <c>GITHUB_OUTPUT</c>/<c>GITHUB_ENV</c>/<c>GITHUB_STATE</c> files with the runner's rules
/// (<c>FileCommandManager</c>): <c>NAME=value</c> lines and <c>NAME&lt;&lt;DELIM</c> heredocs, later values winning.
/// </summary>
public static class FileCommandParser
{
    /// <summary>Parses a key-value file command file.</summary>
    /// <exception cref="FormatException">A line is neither form, a name is empty, or a heredoc has no closing delimiter.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (equals >= 0 && (heredoc < 0 || equals < heredoc))
            {
                var name = line[..equals];
                RequireName(name, i);
                result[name] = line[(equals + 1)..];
            }
            else if (heredoc >= 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                RequireName(name, i);
                if (delimiter.Length == 0)
                {
                    throw new FormatException($"Invalid value. Delimiter cannot be empty (line {i + 1}).");
                }

                var valueLines = new List<string>();
                var closed = false;
                for (i++; i < lines.Length; i++)
                {
                    if (lines[i] == delimiter)
                    {
                        closed = true;
                        break;
                    }

                    valueLines.Add(lines[i]);
                }

                if (!closed)
                {
                    throw new FormatException($"Invalid value. Matching delimiter not found '{delimiter}'");
                }

                result[name] = string.Join("\n", valueLines);
            }
            else
            {
                throw new FormatException($"Invalid format '{line}' (line {i + 1})");
            }
        }

        return result;
    }

    private static void RequireName(string name, int index)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new FormatException($"Invalid format: name must not be empty (line {index + 1})");
        }
    }
}
