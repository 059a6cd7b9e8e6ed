using System.Net;
using System.Text;

namespace Bookiji.Actions.Core.Markdown;

/// <summary>
/// Text from outside (upstream responses, recorded traffic, PR contents, error messages quoting them) quoted inertly
/// for GitHub: inside a code span no mention, issue reference, link, image, HTML or emphasis is live (GitHub's
/// mention and reference filters skip code). Line breaks become spaces, control characters are dropped and the
/// length is capped. The one helper for issues, comments, summaries and PR comments.
/// </summary>
public static class InertText
{
    /// <summary>The default cap, in characters, before the cut marker.</summary>
    public const int DefaultMaxLength = 500;

    /// <summary><paramref name="text"/> as a markdown code span (a fence longer than any backtick run inside it), at most <paramref name="maxLength"/> characters.</summary>
    public static string Code(string? text, int maxLength = DefaultMaxLength)
    {
        var flat = Flatten(text, maxLength);
        var longestRun = 0;
        var run = 0;
        foreach (var c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', longestRun + 1);
        // A space on both sides keeps a leading or trailing backtick apart from the fence (CommonMark strips one each side).
        return flat.Length == 0 ? "` `" : $"{fence} {flat} {fence}";
    }

    /// <summary><paramref name="text"/> as an HTML <c>&lt;code&gt;</c> element (for summary tables and other HTML), at most <paramref name="maxLength"/> characters.</summary>
    public static string HtmlCode(string? text, int maxLength = DefaultMaxLength) =>
        "<code>" + WebUtility.HtmlEncode(Flatten(text, maxLength)) + "</code>";

    /// <summary>One line: line breaks and tabs as spaces, other control characters dropped, cut with "…".</summary>
    public static string Flatten(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length > maxLength;
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 1);
        foreach (var c in cut ? text.AsSpan(0, maxLength) : text.AsSpan())
        {
            if (c is '\r' or '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return cut ? builder.Append('…').ToString() : builder.ToString();
    }
}
