using System.Globalization;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.Core.Inputs;

public sealed partial class InputReader
{
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
