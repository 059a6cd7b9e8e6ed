using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Inputs;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>Turns the built-in checks and declared extra endpoints into <see cref="CheckSpec"/>s.</summary>
public static partial class CheckPlan
{
    /// <summary>The default condition of an extra endpoint that declares none.</summary>
    public const string DefaultCondition = "[STATUS] == 200";

    /// <summary>Most extra endpoints run (a file of thousands would overrun the schedule).</summary>
    public const int MaxExtraEndpoints = 50;

    /// <summary>
    /// Adds the slow-threshold as <c>[RESPONSE_TIME] &lt; ms</c> unless the check declares its own latency condition.
    /// </summary>
    public static IReadOnlyList<Condition> WithSlowThreshold(IReadOnlyList<Condition> conditions, TimeSpan slowThreshold)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Any(c => c.Subject == ConditionSubject.ResponseTime))
        {
            return conditions;
        }

        var text = $"[RESPONSE_TIME] < {(long)slowThreshold.TotalMilliseconds}";
        return [.. conditions, ConditionParser.Parse(text).Condition ?? throw new InvalidOperationException(text)];
    }

    /// <summary>Parses one <c>name | path-or-url | cond &amp;&amp; cond</c> line.</summary>
    public static (CheckSpec? Spec, string? Error) ParseLine(string line, UserUrl target, TimeSpan slowThreshold)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split('|', 3, StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            return (null, $"'{line}' must be 'name | /path-or-url | conditions'");
        }

        var conditions = parts.Length == 3 && parts[2].Length > 0
            ? parts[2].Split("&&", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        return Build(new EndpointDeclaration { Name = parts[0], Url = parts[1], Conditions = conditions }, target, slowThreshold);
    }

    /// <summary>Validates one declaration: a safe name, a path or an absolute URL without credentials, valid conditions.</summary>
    public static (CheckSpec? Spec, string? Error) Build(EndpointDeclaration declaration, UserUrl target, TimeSpan slowThreshold)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(target);
        var name = declaration.Name?.Trim() ?? string.Empty;
        if (!SafeName().IsMatch(name))
        {
            return (null, $"endpoint name '{name}' must be 1-40 letters, digits, '.', '_' or '-'");
        }

        if (ResolveUrl(declaration.Url?.Trim() ?? string.Empty, target) is not { } url)
        {
            return (null, $"endpoint '{name}': url '{declaration.Url}' must be a path starting with / or an absolute http(s) URL without credentials");
        }

        var texts = declaration.Conditions is { Count: > 0 } given ? given : [DefaultCondition];
        var (conditions, errors) = ConditionParser.ParseAll(texts);
        if (errors.Count > 0)
        {
            return (null, $"endpoint '{name}': {string.Join("; ", errors)}");
        }

        return (new CheckSpec(name, CheckKind.Extra, url, WithSlowThreshold(conditions, slowThreshold)), null);
    }

    /// <summary>A path joins the target without RFC 3986 resolution; an absolute URL stands alone.</summary>
    public static Uri? ResolveUrl(string text, UserUrl target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.Any(char.IsControl))
        {
            return target.Join(text);
        }

        return UserUrl.TryParse(text) is { HasCredentials: false } absolute ? absolute.Uri : null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex SafeName();
}
