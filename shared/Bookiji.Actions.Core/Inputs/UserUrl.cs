namespace Bookiji.Actions.Core.Inputs;

/// <summary>
/// A validated http(s) URL that keeps the user's own spelling: <see cref="Text"/> is what the user wrote (trimmed)
/// and is what files and outputs carry; <see cref="Uri"/> is for sending requests. <c>Uri.AbsoluteUri</c> would
/// add a trailing slash and re-case parts, which breaks consumers that append paths (<c>${baseUrl}/api</c>).
/// </summary>
/// <param name="Text">The URL as given, trimmed.</param>
/// <param name="Uri">The parsed URL.</param>
public sealed record UserUrl(string Text, Uri Uri)
{
    /// <summary>
    /// Parses an absolute http(s) URL with a host whose labels are sound (see <see cref="HostLabelProblem"/>);
    /// null otherwise.
    /// </summary>
    public static UserUrl? TryParse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Any(char.IsControl)
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0
            || HostLabelProblem(trimmed) is not null)
        {
            return null;
        }

        return new UserUrl(trimmed, uri);
    }

    /// <summary>
    /// Why the host of URL-like <paramref name="text"/> cannot be a real name: a label that is empty
    /// (<c>pr..example.com</c>, <c>.example.com</c>) or starts or ends with <c>-</c> (<c>pr-.example.com</c>;
    /// RFC 1123 forbids both). That is what a workflow expression expanding to nothing leaves behind
    /// (<c>https://pr-${{ github.event.number }}.example.com</c> on a push event). One trailing dot (a fully
    /// qualified name) and bracketed IPv6 literals are fine. Null when the labels are sound or there is no host.
    /// </summary>
    public static string? HostLabelProblem(string? text)
    {
        if (HostOf(text) is not { Length: > 0 } host || host.StartsWith('['))
        {
            return null;
        }

        var labels = (host.EndsWith('.') ? host[..^1] : host).Split('.');
        var bad = labels.FirstOrDefault(l => l.Length == 0 || l.StartsWith('-') || l.EndsWith('-'));
        if (bad is null)
        {
            return null;
        }

        var what = bad.Length == 0 ? "an empty label" : $"the label '{bad}', which {(bad.StartsWith('-') ? "starts" : "ends")} with '-'";
        return $"its host '{host}' has {what}: it looks like a workflow expression that expanded to nothing " +
            "(e.g. ${{ github.event.number }} on a push event, which has no pull request number)";
    }

    /// <summary>The host as written between <c>://</c> (and any <c>user:password@</c>) and the port or path; null without <c>://</c>.</summary>
    private static string? HostOf(string? text)
    {
        var scheme = text?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (scheme < 0)
        {
            return null;
        }

        var authorityStart = scheme + 3;
        var authorityEnd = text!.IndexOfAny(['/', '?', '#'], authorityStart) is var end and >= 0 ? end : text.Length;
        var authority = text[authorityStart..authorityEnd];
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        if (host.StartsWith('['))
        {
            return host;
        }

        return host.LastIndexOf(':') is var colon and >= 0 ? host[..colon] : host;
    }

    /// <summary>Whether the URL carries <c>user:password@</c>.</summary>
    public bool HasCredentials => Uri.UserInfo.Length > 0;

    /// <summary>The user's text without <c>user:password@</c>: what any file, summary or log may carry.</summary>
    public string Redacted => StripUserInfo(Text);

    /// <summary>
    /// Joins an origin-form path (<c>/api/health?x=1</c>) to this URL's own path, never resolving it:
    /// <c>https://host/app</c> + <c>/api</c> is <c>https://host/app/api</c>.
    /// </summary>
    public Uri Join(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var basePath = Uri.AbsolutePath.TrimEnd('/');
        var suffix = pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery;
        var builder = new UriBuilder(Uri.Scheme, Uri.Host, Uri.Port) { UserName = string.Empty, Password = string.Empty };
        var query = suffix.IndexOf('?', StringComparison.Ordinal);
        builder.Path = basePath + (query < 0 ? suffix : suffix[..query]);
        builder.Query = query < 0 ? string.Empty : suffix[(query + 1)..];
        return builder.Uri;
    }

    /// <summary>Removes <c>user:password@</c> from a URL-like string, leaving everything else as written.</summary>
    public static string StripUserInfo(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return url;
        }

        var authorityStart = scheme + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? url[authorityStart..] : url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        return at < 0 ? url : url[..authorityStart] + authority[(at + 1)..] + (authorityEnd < 0 ? string.Empty : url[authorityEnd..]);
    }

    /// <inheritdoc />
    public override string ToString() => Redacted;
}
