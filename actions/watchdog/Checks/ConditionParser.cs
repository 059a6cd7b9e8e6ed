using System.Text.RegularExpressions;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>Parses Gatus-style conditions.</summary>
public static partial class ConditionParser
{
    /// <summary>The condition, or why it is not one.</summary>
    public static (Condition? Condition, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Shape().Match(text.Trim());
        if (!match.Success)
        {
            return (null, $"'{text.Trim()}' is not a condition: write [STATUS], [RESPONSE_TIME] or [BODY].path, an operator (== != < <= > >=) and a value, e.g. [STATUS] == 200");
        }

        var subject = match.Groups["subject"].Value switch
        {
            "STATUS" => ConditionSubject.Status,
            "RESPONSE_TIME" => ConditionSubject.ResponseTime,
            _ => ConditionSubject.Body,
        };
        var path = match.Groups["step"].Captures.Select(c => c.Value.TrimStart('.')).ToList();
        if (subject != ConditionSubject.Body && path.Count > 0)
        {
            return (null, $"'{text.Trim()}': only [BODY] takes a path");
        }

        var expected = match.Groups["value"].Value.Trim();
        if (subject != ConditionSubject.Body && !double.TryParse(expected, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return (null, $"'{text.Trim()}': [{match.Groups["subject"].Value}] compares with a number");
        }

        return (new Condition(text.Trim(), subject, path, match.Groups["op"].Value, expected), null);
    }

    /// <summary>Parses several; errors are collected.</summary>
    public static (IReadOnlyList<Condition> Conditions, IReadOnlyList<string> Errors) ParseAll(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var conditions = new List<Condition>();
        var errors = new List<string>();
        foreach (var text in texts)
        {
            var (condition, error) = Parse(text);
            if (condition is not null)
            {
                conditions.Add(condition);
            }
            else
            {
                errors.Add(error ?? text);
            }
        }

        return (conditions, errors);
    }

    [GeneratedRegex(@"^\[(?<subject>STATUS|RESPONSE_TIME|BODY)\](?<step>\.[A-Za-z0-9_\-]+|\[\d{1,6}\])*\s*(?<op>==|!=|<=|>=|<|>)\s*(?<value>\S.*)$")]
    private static partial Regex Shape();
}
