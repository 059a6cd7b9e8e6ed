using System.Net;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.Demo;

/// <summary>Renders a step summary's HTML/Markdown as plain text for the terminal.</summary>
internal static partial class SummaryText
{
    public static string Render(string summary)
    {
        var text = Heading().Replace(summary, m => $"{new string('#', int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))} {m.Groups[2].Value}\n");
        text = Cell().Replace(text, "$1 | ");
        text = text.Replace("</tr>", "\n", StringComparison.Ordinal).Replace("<br>", "\n", StringComparison.Ordinal)
            .Replace("</p>", "\n", StringComparison.Ordinal).Replace("</li>", "\n", StringComparison.Ordinal).Replace("<li>", "  - ", StringComparison.Ordinal);
        text = Tag().Replace(text, string.Empty);
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"<h([1-6])>(.*?)</h\1>\n?")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<t[dh][^>]*>(.*?)</t[dh]>")]
    private static partial Regex Cell();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}
