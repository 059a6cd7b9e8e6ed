namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// What may become a header line: RFC 9110 token names and one-line printable-ASCII values, and which recorded
/// headers are somebody's credentials and so never replayed.
/// </summary>
public static class HeaderRules
{
    /// <summary>Name parts that mark a recorded header as a credential.</summary>
    public static readonly IReadOnlyList<string> CredentialPatterns = ["auth", "token", "secret", "password", "passwd", "session", "csrf", "xsrf", "api-key", "apikey", "api_key", "cookie"];

    /// <summary>Whether <paramref name="name"/> is an HTTP token (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => c < 127 && (char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)));

    /// <summary>
    /// Whether <paramref name="value"/> fits on one header line as both engines send it: printable ASCII, space and tab.
    /// Control characters could split the line; anything past ASCII the raw engine would send as '?' and .NET's client
    /// refuses, so neither is replayed.
    /// </summary>
    public static bool IsValidValue(string? value) => value is not null && value.All(c => c == '\t' || c is >= ' ' and < '\u007f');

    /// <summary>
    /// Whether a recorded header is a credential (its name contains one of <see cref="CredentialPatterns"/>) and is
    /// not named in <paramref name="allowed"/>: recorded credentials are somebody's and are never replayed.
    /// </summary>
    public static bool IsCredential(string name, IReadOnlySet<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(allowed);
        return !allowed.Contains(name) && CredentialPatterns.Any(p => name.Contains(p, StringComparison.OrdinalIgnoreCase));
    }
}
