using System.Globalization;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.Core.Inputs;

public sealed partial class InputReader
{
    /// <summary>An absolute http(s) URL. Credentials inside the URL are masked before anything is printed.</summary>
    public Uri? HttpUrl(string input, string? envFallback = null, string? defaultValue = null, bool required = false)
    {
        var text = String(input, envFallback, defaultValue, required);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0)
        {
            if (uri.UserInfo.Length > 0)
            {
                _core.SetSecret(uri.UserInfo);
            }

            return uri;
        }

        AddError(input, $"{Describe(input, envFallback)} must be an absolute http:// or https:// URL, e.g. https://pr-123.example.com; got '{text}'.");
        return null;
    }

    /// <summary>
    /// A duration such as <c>30s</c>, <c>15m</c>, <c>6h</c>, <c>7d</c>, <c>250ms</c> (a bare number is seconds),
    /// within [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public TimeSpan Duration(string input, TimeSpan defaultValue, TimeSpan min, TimeSpan max, string? envFallback = null) =>
        Parsed(input, envFallback, defaultValue, $"a duration like 250ms, 30s, 15m, 6h or 7d, from {min} to {max}", text =>
            TryParseDuration(text, out var value) && value >= min && value <= max ? (true, value) : (false, defaultValue));

    /// <summary>Parses <c>250ms</c>, <c>30s</c>, <c>15m</c>, <c>6h</c>, <c>7d</c>, <c>2w</c> or bare seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        double? milliseconds = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "ms" => amount,
            "" or "s" => amount * 1_000,
            "m" => amount * 60_000,
            "h" => amount * 3_600_000,
            "d" => amount * 86_400_000,
            "w" => amount * 604_800_000,
            _ => null,
        };
        if (milliseconds is not { } ms || ms > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
