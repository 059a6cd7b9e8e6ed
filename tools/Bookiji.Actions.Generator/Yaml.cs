using System.Text.RegularExpressions;

namespace Bookiji.Actions.Generator;

/// <summary>Writes YAML scalars: plain where YAML reads them back as the same string, single-quoted otherwise.</summary>
internal static partial class Yaml
{
    public static string Scalar(string value)
    {
        // Control characters (and the Unicode line breaks YAML honours) only survive double-quoted with escapes.
        if (value.Any(c => char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029'))
        {
            return "\"" + string.Concat(value.Select(c => c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            })) + "\"";
        }

        var plain = value.Length > 0 && value.Trim() == value && PlainSafe().IsMatch(value)
            && !value.Contains(": ", StringComparison.Ordinal)
            && !value.Contains(" #", StringComparison.Ordinal)
            && !value.EndsWith(':')
            && !ReservedWord().IsMatch(value);
        return plain ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    // Starts with a letter, digit, '/', '.', '$' or '(' and holds no YAML indicator that could change its meaning.
    [GeneratedRegex(@"^[A-Za-z0-9/.($][^\n\r\t{}\[\]&*!|>'""%@`]*$")]
    private static partial Regex PlainSafe();

    // Booleans, nulls and numbers of YAML 1.1 and 1.2: quoted so they stay strings.
    [GeneratedRegex(@"^(?i:y|n|yes|no|on|off|true|false|null|~)$|^[-+]?(\.?[0-9][0-9_.,:eE+-]*|0[xXoO][0-9a-fA-F_]+|(?i:\.inf|\.nan))$")]
    private static partial Regex ReservedWord();
}
