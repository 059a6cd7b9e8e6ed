namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// What may become a header line: RFC 9110 token names and one-line values (no CR, LF, NUL or other control
/// characters but tab), and which recorded headers are somebody's credentials and so never replayed.
/// </summary>
public static class HeaderRules
{
    /// <summary>Name parts that mark a recorded header as a credential.</summary>
    public static readonly IReadOnlyList<string> CredentialPatterns = ["auth", "token", "secret", "password", "passwd", "session", "csrf", "xsrf", "api-key", "apikey", "api_key", "cookie"];

    /// <summary>Whether <paramref name="name"/> is an HTTP token (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => c < 127 && (char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)));

    /// <summary>Whether <paramref name="value"/> fits on one header line (no CR, LF, NUL or other control characters but tab).</summary>
    public static bool IsValidValue(string? value) => value is not null && !value.Any(c => c != '\t' && (char.IsControl(c) || c == '\u2028' || c == '\u2029'));

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
