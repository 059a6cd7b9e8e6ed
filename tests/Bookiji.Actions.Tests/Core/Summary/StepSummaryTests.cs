using System.Text;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Summary;

/// <summary>The toolkit's summary.test.ts cases, ported, plus the 1 MiB limit and masking.</summary>
[Category("Integration")]
[TestFixture]
public sealed class StepSummaryTests
{
    private string _dir = null!;
    private string _file = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"summary-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        _file = Path.Combine(_dir, "step_summary");
        File.WriteAllText(_file, string.Empty);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private StepSummary Summary(SecretMasker? masker = null) =>
        new(new ActionEnvironment(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = _file }), masker ?? new SecretMasker());

    private string Written => File.ReadAllText(_file);

    [Test]
    public void Write_WithoutVariable_ThrowsToolkitMessage()
    {
        var summary = new StepSummary(new ActionEnvironment(new Dictionary<string, string>()), new SecretMasker());
        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => summary.AddRaw("x").WriteAsync());
        Assert.That(ex!.Message, Is.EqualTo(StepSummary.MissingVariableMessage));
    }

    [Test]
    public void Write_MissingFile_Throws()
    {
        File.Delete(_file);
        Assert.ThrowsAsync<InvalidOperationException>(() => Summary().AddRaw("x").WriteAsync());
    }

    [Test]
    public async Task Write_ExistingFile_AppendsAndOverwritesWhenAsked()
    {
        File.WriteAllText(_file, "# ");
        await Summary().AddRaw("hello world 🌎").WriteAsync();
        Assert.That(Written, Is.EqualTo("# hello world 🌎"));
        await Summary().AddRaw("new").WriteAsync(overwrite: true);
        Assert.That(Written, Is.EqualTo("new"));
    }

    [Test]
    public async Task Write_ChainedAdds_ChainsAndEmptiesBuffer()
    {
        var summary = Summary().AddRaw("hello world 🌎", addEol: true).AddRaw("hello world 🌎", addEol: true).AddRaw("hello world 🌎", addEol: true);
        await summary.WriteAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Written, Is.EqualTo("hello world 🌎\nhello world 🌎\nhello world 🌎\n"));
            Assert.That(summary.IsEmptyBuffer, Is.True);
        });
    }

    [Test]
    public async Task Clear_BufferAndFileWithText_EmptiesBufferAndFile()
    {
        File.WriteAllText(_file, "old");
        var summary = Summary().AddRaw("x");
        await summary.ClearAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Written, Is.Empty);
            Assert.That(summary.IsEmptyBuffer, Is.True);
        });
    }

    [Test]
    public void Stringify_AfterAnAdd_ReturnsBuffer() => Assert.That(Summary().AddRaw("hello world 🌎").Stringify(), Is.EqualTo("hello world 🌎"));

    [Test]
    public void Elements_EachKind_RenderAsTheToolkitDoes()
    {
        const string code = "func fork() {\n  for {\n    go fork()\n  }\n}";
        Assert.Multiple(() =>
        {
            Assert.That(Summary().AddEol().Stringify(), Is.EqualTo("\n"));
            Assert.That(Summary().AddCodeBlock(code).Stringify(), Is.EqualTo($"<pre><code>{code}</code></pre>\n"));
            Assert.That(Summary().AddCodeBlock(code, "go").Stringify(), Is.EqualTo($"<pre lang=\"go\"><code>{code}</code></pre>\n"));
            Assert.That(Summary().AddList(["foo", "bar", "baz", "💣"]).Stringify(), Is.EqualTo("<ul><li>foo</li><li>bar</li><li>baz</li><li>💣</li></ul>\n"));
            Assert.That(Summary().AddList(["foo", "bar", "baz", "💣"], ordered: true).Stringify(), Is.EqualTo("<ol><li>foo</li><li>bar</li><li>baz</li><li>💣</li></ol>\n"));
            Assert.That(Summary().AddDetails("open me", "🎉 surprise").Stringify(), Is.EqualTo("<details><summary>open me</summary>🎉 surprise</details>\n"));
            Assert.That(Summary().AddImage("https://github.com/actions.png", "actions logo").Stringify(), Is.EqualTo("<img src=\"https://github.com/actions.png\" alt=\"actions logo\">\n"));
            Assert.That(Summary().AddImage("https://github.com/actions.png", "actions logo", "32", "32").Stringify(), Is.EqualTo("<img src=\"https://github.com/actions.png\" alt=\"actions logo\" width=\"32\" height=\"32\">\n"));
            Assert.That(Summary().AddSeparator().Stringify(), Is.EqualTo("<hr>\n"));
            Assert.That(Summary().AddBreak().Stringify(), Is.EqualTo("<br>\n"));
            Assert.That(Summary().AddQuote("Where the world builds software").Stringify(), Is.EqualTo("<blockquote>Where the world builds software</blockquote>\n"));
            Assert.That(Summary().AddQuote("Where the world builds software", "https://github.com/about").Stringify(), Is.EqualTo("<blockquote cite=\"https://github.com/about\">Where the world builds software</blockquote>\n"));
            Assert.That(Summary().AddLink("GitHub", "https://github.com/").Stringify(), Is.EqualTo("<a href=\"https://github.com/\">GitHub</a>\n"));
        });
    }

    [Test]
    public void Table_HeadersAndSpans_AreRendered()
    {
        var text = Summary().AddTable(
        [
            [SummaryTableCell.Head("foo"), SummaryTableCell.Head("bar"), SummaryTableCell.Head("baz"), new SummaryTableCell("tall", Rowspan: "3")],
            ["one", "two", "three"],
            [new SummaryTableCell("wide", Colspan: "3")],
        ]).Stringify();
        Assert.That(text, Is.EqualTo("<table><tr><th>foo</th><th>bar</th><th>baz</th><td rowspan=\"3\">tall</td></tr><tr><td>one</td><td>two</td><td>three</td></tr><tr><td colspan=\"3\">wide</td></tr></table>\n"));
    }

    [Test]
    public void Headings_H1ToH6_AndOutOfRangeIsH1()
    {
        var summary = Summary();
        for (var level = 1; level <= 6; level++)
        {
            summary.AddHeading("heading", level);
        }

        summary.AddHeading("heading", 1337);
        Assert.That(summary.Stringify(), Is.EqualTo("<h1>heading</h1>\n<h2>heading</h2>\n<h3>heading</h3>\n<h4>heading</h4>\n<h5>heading</h5>\n<h6>heading</h6>\n<h1>heading</h1>\n"));
    }

    [Test]
    public void Mermaid_Diagram_IsAFencedBlock() =>
        Assert.That(Summary().AddMermaid("pie\n  \"a\" : 1\n").Stringify(), Is.EqualTo("\n```mermaid\npie\n  \"a\" : 1\n```\n\n"));

    [Test]
    public async Task Write_OverOneMiB_TruncatesWithNotice()
    {
        var big = new StringBuilder();
        while (big.Length < StepSummary.MaxBytes + 10_000)
        {
            big.Append("<p>row with a multi-byte character é</p>\n");
        }

        await Summary().AddRaw(big.ToString()).WriteAsync();
        var bytes = new FileInfo(_file).Length;
        Assert.Multiple(() =>
        {
            Assert.That(bytes, Is.LessThanOrEqualTo(StepSummary.MaxBytes));
            Assert.That(bytes, Is.GreaterThan(StepSummary.MaxBytes - 200), "as much as fits is kept");
            Assert.That(Written, Does.EndWith(StepSummary.TruncationNotice));
        });
    }

    [Test]
    public async Task Write_FileNearTheBound_CountsWhatTheFileAlreadyHolds()
    {
        File.WriteAllText(_file, new string('x', StepSummary.MaxBytes - 100));
        await Summary().AddRaw(new string('y', 1000)).WriteAsync();
        Assert.That(new FileInfo(_file).Length, Is.LessThanOrEqualTo(StepSummary.MaxBytes));
    }

    [Test]
    public async Task Write_RegisteredSecret_IsMasked()
    {
        var masker = new SecretMasker();
        masker.Add("s3cr3t-token");
        await Summary(masker).AddRaw("token: s3cr3t-token").WriteAsync();
        Assert.That(Written, Is.EqualTo("token: ***"));
    }

    [Test]
    public void Escape_HtmlSpecialCharacters_AreEncoded() => Assert.That(StepSummary.Escape("<b>&\"</b>"), Is.EqualTo("&lt;b&gt;&amp;&quot;&lt;/b&gt;"));
}
