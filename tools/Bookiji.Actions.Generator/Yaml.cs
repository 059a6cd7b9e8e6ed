using System.Text.RegularExpressions;

namespace Bookiji.Actions.Generator;

/// <summary>Writes YAML scalars: plain where YAML reads them back as the same string, single-quoted otherwise.</summary>
internal static partial class Yaml
{
    public static string Scalar(string value)
    {
        var plain = PlainSafe().IsMatch(value)
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
    [GeneratedRegex(@"^(?i:y|n|yes|no|on|off|true|false|null|~)$|^[-+]?(\.?[0-9][0-9_.,:eE+-]*|\.inf|\.nan)$")]
    private static partial Regex ReservedWord();
}
