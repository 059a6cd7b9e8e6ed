using System.Text.RegularExpressions;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>Matches the booking pattern against a test's title and file; a pathological title is a non-match, not a crash.</summary>
public static class TitleMatcher
{
    /// <summary>Whether any of <paramref name="texts"/> matches.</summary>
    public static bool Matches(Regex pattern, params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(texts);
        try
        {
            return texts.Any(t => !string.IsNullOrEmpty(t) && pattern.IsMatch(t));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
