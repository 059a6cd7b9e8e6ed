using System.Globalization;

namespace Bookiji.Actions.Core.Definition;

/// <summary>Formats a duration in the largest whole unit the inputs accept (<c>7d</c>, <c>15m</c>, <c>250ms</c>; never weeks).</summary>
public static class DurationText
{
    /// <summary>The shortest exact spelling of <paramref name="value"/>.</summary>
    public static string Format(TimeSpan value)
    {
        var ms = (long)value.TotalMilliseconds;
        // Days are the largest unit written: "7d" and "14d" read better than "1w" and "2w" (both are accepted as input).
        (long Size, string Unit)[] units = [(86_400_000, "d"), (3_600_000, "h"), (60_000, "m"), (1_000, "s")];
        foreach (var (size, unit) in units)
        {
            if (ms >= size && ms % size == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{ms / size}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{ms}ms");
    }
}
