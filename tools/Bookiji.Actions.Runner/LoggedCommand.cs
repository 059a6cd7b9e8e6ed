namespace Bookiji.Actions.Runner;

/// <summary>A workflow command found in an action's output, unescaped.</summary>
/// <param name="Command">The command, e.g. <c>error</c>.</param>
/// <param name="Properties">Its properties.</param>
/// <param name="Message">Its data.</param>
public sealed record LoggedCommand(string Command, IReadOnlyDictionary<string, string> Properties, string Message)
{
    /// <summary>Parses every <c>::command props::data</c> line of a log.</summary>
    public static IReadOnlyList<LoggedCommand> ParseAll(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var result = new List<LoggedCommand>();
        foreach (var line in log.Split('\n'))
        {
            if (!line.StartsWith("::", StringComparison.Ordinal))
            {
                continue;
            }

            var end = line.IndexOf("::", 2, StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            var head = line[2..end];
            var space = head.IndexOf(' ', StringComparison.Ordinal);
            var command = space < 0 ? head : head[..space];
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            if (space >= 0)
            {
                foreach (var pair in head[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        properties[pair[..eq]] = UnescapeProperty(pair[(eq + 1)..]);
                    }
                }
            }

            result.Add(new LoggedCommand(command, properties, UnescapeData(line[(end + 2)..].TrimEnd('\r'))));
        }

        return result;
    }

    private static string UnescapeData(string text) =>
        text.Replace("%0A", "\n", StringComparison.Ordinal).Replace("%0D", "\r", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);

    private static string UnescapeProperty(string text) =>
        UnescapeData(text.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal));
}
