namespace Bookiji.Actions.Core.Toolkit;

/// <summary>
/// Secrets registered with <c>add-mask</c>, replaced by <c>***</c> in everything this process writes itself
/// (log lines, summaries, files it chooses to mask). The runner masks the log too; this covers local runs
/// and files the runner never sees.
/// </summary>
public sealed class SecretMasker
{
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The text a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>
    /// The shortest value, in characters, masked on its own. A 1–3 character value (a password <c>p</c>) occurs
    /// inside ordinary words: masking it everywhere destroys every log line and hides nothing an attacker could
    /// not guess. Such a value is masked only as part of a longer string (a whole URL, a whole <c>user:password</c>).
    /// </summary>
    public const int MinimumLength = 4;

    /// <summary>Whether <paramref name="secret"/> is long enough to be masked on its own (see <see cref="MinimumLength"/>).</summary>
    public static bool IsMaskable(string? secret) => secret is not null && secret.Trim().Length >= MinimumLength;

    /// <summary>
    /// Registers a secret and each of its lines (the runner masks multi-line secrets line by line); values and lines
    /// shorter than <see cref="MinimumLength"/> are ignored.
    /// </summary>
    public void Add(string? secret)
    {
        if (!IsMaskable(secret))
        {
            return;
        }

        lock (_gate)
        {
            _secrets.Add(secret!);
            foreach (var line in secret!.Split('\n'))
            {
                var trimmed = line.TrimEnd('\r');
                if (IsMaskable(trimmed))
                {
                    _secrets.Add(trimmed);
                }
            }
        }
    }

    /// <summary>
    /// Registers a URL's whole userinfo as one secret, at any length when it holds a password (<c>u:p</c>): the colon
    /// joining user and password makes even a short one a string that does not occur in ordinary words. A userinfo
    /// without a password follows <see cref="Add"/>'s rule.
    /// </summary>
    public void AddUserInfo(string? userInfo)
    {
        if (!HasPassword(userInfo))
        {
            Add(userInfo);
            return;
        }

        lock (_gate)
        {
            _secrets.Add(userInfo!);
        }
    }

    /// <summary>Whether <paramref name="userInfo"/> is <c>user:password</c> with a non-empty password.</summary>
    public static bool HasPassword(string? userInfo) =>
        userInfo is not null && userInfo.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 && colon < userInfo.Length - 1;

    /// <summary>How many distinct secret strings are registered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _secrets.Count;
            }
        }
    }

    /// <summary>Returns <paramref name="text"/> with every registered secret replaced, longest first.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] secrets;
        lock (_gate)
        {
            if (_secrets.Count == 0)
            {
                return text;
            }

            secrets = [.. _secrets.OrderByDescending(s => s.Length)];
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
