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

    /// <summary>Registers a secret and each of its lines (the runner masks multi-line secrets line by line).</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        lock (_gate)
        {
            _secrets.Add(secret);
            foreach (var line in secret.Split('\n'))
            {
                var trimmed = line.TrimEnd('\r');
                if (trimmed.Trim().Length > 0)
                {
                    _secrets.Add(trimmed);
                }
            }
        }
    }

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
