using Npgsql;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>A parsed database URL: the Npgsql settings to connect with, and what is needed to hand an app its own URL.</summary>
/// <param name="Builder">The connection settings (password included: never print this).</param>
/// <param name="Scheme"><c>postgres</c> or <c>postgresql</c>.</param>
/// <param name="Query">The URL's query (e.g. <c>sslmode=require</c>) without the leading '?', or empty.</param>
public sealed record DatabaseTarget(NpgsqlConnectionStringBuilder Builder, string Scheme, string Query) : ISecretConnection
{
    /// <inheritdoc />
    public IReadOnlyList<string> Secrets => Builder.Password is { Length: > 0 } password ? [password, Uri.EscapeDataString(password)] : [];

    /// <summary>
    /// The same server and database, logged in as <paramref name="role"/> with its own password: a session that
    /// starts as the role has no other role to <c>RESET ROLE</c> back to.
    /// </summary>
    public DatabaseTarget ForRole(string role, string password) =>
        this with { Builder = new NpgsqlConnectionStringBuilder(Builder.ConnectionString) { Username = role, Password = password, ApplicationName = "bookiji-ephemeral-env-migrations" } };

    /// <summary>Parses <c>postgres://user:password@host:port/database?sslmode=...</c>; <c>null</c> with a reason when malformed.</summary>
    public static (DatabaseTarget? Target, string? Error) Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "postgres" && uri.Scheme != "postgresql") || uri.Host.Length == 0)
        {
            return (null, "must be a URL like postgres://user:password@host:5432/database (postgres:// or postgresql://).");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length == 0)
        {
            return (null, "must name a user: postgres://user:password@host:5432/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(userInfo[0]),
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
            Timeout = 10,
            CommandTimeout = 120,
            ApplicationName = "bookiji-ephemeral-env",
            MaxPoolSize = 16,
        };
        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, string.Empty);
            if (key == "sslmode" && Enum.TryParse<SslMode>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode))
            {
                builder.SslMode = mode;
            }
        }

        return (new DatabaseTarget(builder, uri.Scheme, query), null);
    }

    /// <summary>Where it points, safe to print: <c>host:port/database</c>.</summary>
    public string Display => $"{Builder.Host}:{Builder.Port}/{Builder.Database}";

    /// <summary>
    /// A URL for the environment: the given user (or the environment's role) with <c>search_path</c> set to the
    /// schema through libpq's <c>options</c> parameter, other query parameters kept.
    /// </summary>
    public string UrlFor(string schema, string user, string? password)
    {
        var credentials = Uri.EscapeDataString(user) + (password is null ? string.Empty : ":" + Uri.EscapeDataString(password));
        var options = "options=" + Uri.EscapeDataString($"-c search_path={schema}");
        var rest = string.Join('&', Query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("options=", StringComparison.Ordinal)));
        var query = rest.Length == 0 ? options : rest + "&" + options;
        return $"{Scheme}://{credentials}@{Builder.Host}:{Builder.Port}/{Uri.EscapeDataString(Builder.Database ?? "postgres")}?{query}";
    }
}
