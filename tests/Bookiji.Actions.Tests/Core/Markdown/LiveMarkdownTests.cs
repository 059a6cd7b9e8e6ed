namespace Bookiji.Actions.Tests.Core.Markdown;

/// <summary>The test helper must be able to see live markdown, or the tests using it could never fail.</summary>
[TestFixture]
public sealed class LiveMarkdownTests
{
    [Test]
    public void OutsideCodeSpans_LiveMentionAndLink_AreKept() =>
        Assert.That(LiveMarkdown.LiveFragments("ping @bookiji/oncall see #1 [runbook](https://evil.example)", "@bookiji", "#1", "]("), Has.Count.EqualTo(3));

    [Test]
    public void OutsideCodeSpans_QuotedInCodeSpans_AreRemoved() =>
        Assert.That(LiveMarkdown.LiveFragments("a `@bookiji/oncall` b `` x ` #1 [r](u) `` c", "@bookiji", "#1", "]("), Is.Empty);

    [Test]
    public void OutsideCodeSpans_UnclosedBacktick_IsText() =>
        Assert.That(LiveMarkdown.LiveFragments("a ` @bookiji", "@bookiji"), Has.Count.EqualTo(1));

    [Test]
    public void OutsideHtmlCode_HtmlWithCodeAndPre_KeepsTextAndDropsCodeAndPre() =>
        Assert.That(LiveMarkdown.OutsideHtmlCode("<li>@a <code>@b</code> <pre>@c\n</pre></li>"), Is.EqualTo("<li>@a    </li>"));
}
