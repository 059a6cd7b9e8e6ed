using System.Text;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.EphemeralEnv.Naming;

/// <summary>
/// The pure rules for names: what an app env, schema prefix and Redis prefix may contain, how the schema and
/// role names are built (≤ 63 bytes, hash-suffixed when longer) and how the base URL template expands
/// (DNS labels over 63 characters truncated with a hash, as Vercel does).
/// </summary>
public static partial class EnvironmentNaming
{
    /// <summary>PostgreSQL's identifier limit in bytes (NAMEDATALEN − 1).</summary>
    public const int MaxIdentifierBytes = 63;

    /// <summary>The DNS label limit.</summary>
    public const int MaxDnsLabel = 63;

    /// <summary>Why <paramref name="appEnv"/> is not acceptable, or <c>null</c> when it is.</summary>
    public static string? ValidateAppEnv(string appEnv) =>
        AppEnvPattern().IsMatch(appEnv) && appEnv.Length <= 200
            ? null
            : $"must contain only lowercase letters, digits and '_' (like pr_123), at most 200 characters; got '{appEnv}'.";

    /// <summary>Why <paramref name="prefix"/> is not an acceptable schema prefix, or <c>null</c>.</summary>
    public static string? ValidateSchemaPrefix(string prefix) =>
        SchemaPrefixPattern().IsMatch(prefix) && prefix.Length <= 40
            ? null
            : $"must start with a lowercase letter or '_' and contain only lowercase letters, digits and '_' (like my_app_), at most 40 characters; got '{prefix}'.";

    /// <summary>Why <paramref name="prefix"/> is not an acceptable Redis prefix, or <c>null</c> (no glob characters, no spaces).</summary>
    public static string? ValidateRedisPrefix(string prefix) =>
        RedisPrefixPattern().IsMatch(prefix) && prefix.Length <= 100
            ? null
            : $"must contain only letters, digits and ':' '_' '-' '.' (no glob characters), at most 100 characters; got '{prefix}'.";

    /// <summary>
    /// The schema prefix when none is given: the repository's name (of <c>owner/name</c>) lowercased, every other
    /// character than a–z, 0–9 and _ as _, a leading digit guarded by _, cut to 39 characters, then _.
    /// </summary>
    public static string DefaultSchemaPrefix(string repositoryName)
    {
        ArgumentNullException.ThrowIfNull(repositoryName);
        var builder = new StringBuilder();
        foreach (var c in repositoryName.ToLowerInvariant())
        {
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' ? c : '_');
        }

        var name = builder.Length == 0 || builder[0] is >= '0' and <= '9' ? "_" + builder : builder.ToString();
        return (name.Length > 39 ? name[..39] : name) + "_";
    }

    /// <summary>The Redis prefix when none is given: the repository's name with characters outside the allowed set as _, cut to 99, then <c>:</c>.</summary>
    public static string DefaultRedisPrefix(string repositoryName)
    {
        ArgumentNullException.ThrowIfNull(repositoryName);
        var name = new string([.. repositoryName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_')]);
        return (name.Length > 99 ? name[..99] : name) + ":";
    }

    /// <summary>Builds every database and Redis name of an environment (its app env already validated).</summary>
    public static EnvironmentNames Build(string appEnv, string schemaPrefix, string? redisPrefix) =>
        EnvironmentNames.ForExisting(StableHash.Shorten(schemaPrefix + appEnv, MaxIdentifierBytes, '_'), appEnv, schemaPrefix, redisPrefix);

    /// <summary>
    /// The pull request an app env of the form <c>pr_N</c> names, so <c>{number}</c> works on workflow_dispatch and
    /// schedule runs too; null for any other id.
    /// </summary>
    public static int? PullRequestOf(string appEnv)
    {
        ArgumentNullException.ThrowIfNull(appEnv);
        var match = PullRequestAppEnv().Match(appEnv);
        return match.Success && int.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0
            ? number : null;
    }

    /// <summary>
    /// Expands <c>{number}</c>, <c>{app-env}</c> (underscores as hyphens) and <c>{branch}</c> (slugged), then
    /// shortens every host label over 63 characters with a hash suffix. The result is the expanded text itself
    /// (validated as an absolute http(s) URL), not a normalised <c>Uri</c>: no slash is added, no case changed.
    /// </summary>
    public static (string? Url, string? Error) ExpandBaseUrl(string template, string appEnv, int? prNumber, string? branch)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Contains("{number}", StringComparison.Ordinal) && prNumber is null)
        {
            return (null, $"uses {{number}} but this run has no pull request number (not a pull_request event, and app-env is not of the form pr_N); use {{app-env}} instead. Template: '{template}'.");
        }

        var text = template.Trim()
            .Replace("{number}", prNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)
            .Replace("{app-env}", appEnv.Replace('_', '-'), StringComparison.Ordinal)
            .Replace("{branch}", Slug(branch ?? appEnv), StringComparison.Ordinal);
        if (Bookiji.Actions.Core.Inputs.UserUrl.HostLabelProblem(text) is { } problem)
        {
            return (null, $"expanded to '{text}', which is not a usable URL: {problem}. Template: '{template}'.");
        }

        if (text.Contains('{', StringComparison.Ordinal) || Bookiji.Actions.Core.Inputs.UserUrl.TryParse(text) is null)
        {
            return (null, $"must expand to an absolute http(s) URL using {{number}}, {{app-env}} or {{branch}}, e.g. https://pr-{{number}}.preview.example.com; got '{text}'.");
        }

        return (ShortenHostLabels(text), null);
    }

    /// <summary>Cuts each host label over 63 characters (a DNS limit) with a hash suffix, leaving the rest of the text as written.</summary>
    private static string ShortenHostLabels(string url)
    {
        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart) is var end and >= 0 ? end : url.Length;
        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) is var at and >= 0 ? at + 1 : authorityStart;
        var hostEnd = url.IndexOf(':', hostStart, authorityEnd - hostStart) is var colon and >= 0 ? colon : authorityEnd;
        var host = url[hostStart..hostEnd];
        var shortened = string.Join('.', host.Split('.').Select(label => StableHash.Shorten(label, MaxDnsLabel, '-')));
        return shortened == host ? url : url[..hostStart] + shortened + url[hostEnd..];
    }

    /// <summary>A DNS-safe slug: lowercase letters, digits and single hyphens.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }

        return MultipleHyphens().Replace(builder.ToString(), "-").Trim('-');
    }

    /// <summary>Quotes a validated identifier for SQL (doubling any <c>"</c>, defence in depth).</summary>
    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Quotes a string literal for DDL that takes no parameters (doubling <c>'</c>).</summary>
    public static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex AppEnvPattern();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex SchemaPrefixPattern();

    [GeneratedRegex(@"^[A-Za-z0-9:_\-.]*$")]
    private static partial Regex RedisPrefixPattern();

    [GeneratedRegex("^pr_([0-9]{1,9})$")]
    private static partial Regex PullRequestAppEnv();

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultipleHyphens();
}
