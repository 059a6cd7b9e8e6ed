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
            : $"must start with a lowercase letter or '_' and contain only lowercase letters, digits and '_' (like bookiji_), at most 40 characters; got '{prefix}'.";

    /// <summary>Why <paramref name="prefix"/> is not an acceptable Redis prefix, or <c>null</c> (no glob characters, no spaces).</summary>
    public static string? ValidateRedisPrefix(string prefix) =>
        RedisPrefixPattern().IsMatch(prefix) && prefix.Length <= 100
            ? null
            : $"must contain only letters, digits and ':' '_' '-' '.' (no glob characters), at most 100 characters; got '{prefix}'.";

    /// <summary>Builds every name, or the error for the base URL template.</summary>
    public static (EnvironmentNames? Names, string? TemplateError) Build(
        string appEnv, string schemaPrefix, string baseUrlTemplate, string? redisPrefix, int? prNumber, string? branch)
    {
        var schema = StableHash.Shorten(schemaPrefix + appEnv, MaxIdentifierBytes, '_');
        var (url, error) = ExpandBaseUrl(baseUrlTemplate, appEnv, prNumber, branch);
        if (url is null)
        {
            return (null, error);
        }

        return (EnvironmentNames.ForExisting(schema, appEnv, schemaPrefix, redisPrefix) with { BaseUrl = url }, null);
    }

    /// <summary>
    /// Expands <c>{number}</c>, <c>{app-env}</c> (underscores as hyphens) and <c>{branch}</c> (slugged), then
    /// shortens every host label over 63 characters with a hash suffix.
    /// </summary>
    public static (Uri? Url, string? Error) ExpandBaseUrl(string template, string appEnv, int? prNumber, string? branch)
    {
        if (template.Contains("{number}", StringComparison.Ordinal) && prNumber is null)
        {
            return (null, $"uses {{number}} but this run has no pull request number; use {{app-env}} instead, or run on pull_request events. Template: '{template}'.");
        }

        var text = template
            .Replace("{number}", prNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)
            .Replace("{app-env}", appEnv.Replace('_', '-'), StringComparison.Ordinal)
            .Replace("{branch}", Slug(branch ?? appEnv), StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0 || text.Contains('{', StringComparison.Ordinal))
        {
            return (null, $"must expand to an absolute http(s) URL using {{number}}, {{app-env}} or {{branch}}, e.g. https://pr-{{number}}.bookiji.com; got '{text}'.");
        }

        var labels = uri.Host.Split('.').Select(label => StableHash.Shorten(label, MaxDnsLabel, '-'));
        var builder = new UriBuilder(uri) { Host = string.Join('.', labels) };
        return (builder.Uri, null);
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

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultipleHyphens();
}
