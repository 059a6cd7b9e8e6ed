namespace Bookiji.Actions.Tests.Core.Markdown;

/// <summary>What of a markdown text GitHub would render live: everything outside code spans.</summary>
internal static class LiveMarkdown
{
    /// <summary>
    /// <paramref name="markdown"/> with every code span removed (CommonMark: a run of N backticks up to the next run
    /// of exactly N). An unclosed run is kept as text, as GitHub renders it.
    /// </summary>
    public static string OutsideCodeSpans(string markdown)
    {
        var live = new System.Text.StringBuilder();
        var i = 0;
        while (i < markdown.Length)
        {
            if (markdown[i] != '`')
            {
                live.Append(markdown[i++]);
                continue;
            }

            var run = Run(markdown, i);
            var close = FindClosing(markdown, i + run, run);
            if (close < 0)
            {
                live.Append(markdown, i, run);
                i += run;
                continue;
            }

            live.Append(' ');
            i = close + run;
        }

        return live.ToString();
    }

    /// <summary>The upstream text's live fragments found outside code spans: mentions, the issue reference, links.</summary>
    public static IReadOnlyList<string> LiveFragments(string markdown, params string[] fragments)
    {
        var live = OutsideCodeSpans(markdown);
        return [.. fragments.Where(f => live.Contains(f, StringComparison.Ordinal))];
    }

    /// <summary>
    /// <paramref name="html"/> (a step summary) without its <c>&lt;code&gt;</c> and <c>&lt;pre&gt;</c> elements, whose
    /// text GitHub's mention and reference filters skip.
    /// </summary>
    public static string OutsideHtmlCode(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<(code|pre)>.*?</\\1>", " ", System.Text.RegularExpressions.RegexOptions.Singleline);

    private static int Run(string text, int at)
    {
        var end = at;
        while (end < text.Length && text[end] == '`')
        {
            end++;
        }

        return end - at;
    }

    private static int FindClosing(string text, int from, int length)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] != '`')
            {
                continue;
            }

            var run = Run(text, i);
            if (run == length)
            {
                return i;
            }

            i += run - 1;
        }

        return -1;
    }
}
