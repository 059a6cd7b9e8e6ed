using System.Text;

namespace Bookiji.Actions.Core.Toolkit;

/// <summary>
/// Formats <c>::command key=value,key=value::message</c> lines exactly as the official toolkit's
/// <c>command.ts</c> does, including its two escaping tables.
/// </summary>
public static class WorkflowCommand
{
    /// <summary>Formats one command line (without the trailing newline).</summary>
    /// <param name="command">The command name, e.g. <c>error</c>.</param>
    /// <param name="properties">Properties in order; entries whose value is null or empty are left out, as in the toolkit.</param>
    /// <param name="message">The command's data.</param>
    public static string Format(string command, IEnumerable<KeyValuePair<string, string?>>? properties, string? message)
    {
        var builder = new StringBuilder("::").Append(command);
        var list = properties?.ToList();
        if (list is { Count: > 0 })
        {
            // The toolkit adds the separating space whenever properties were passed, even if all are empty.
            builder.Append(' ');
            var first = true;
            foreach (var (key, value) in list)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                if (!first)
                {
                    builder.Append(',');
                }

                first = false;
                builder.Append(key).Append('=').Append(EscapeProperty(value));
            }
        }

        return builder.Append("::").Append(EscapeData(message)).ToString();
    }

    /// <summary>Escapes command data: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string? value) =>
        (value ?? string.Empty).Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: as data, plus <c>:</c> and <c>,</c>.</summary>
    public static string EscapeProperty(string? value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
