using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Graph;

[TestFixture]
public sealed class SourceCodeTests
{
    [Test]
    public void Of_LineAndBlockComments_AreBlankedKeepingOffsetsAndLines()
    {
        const string source = "a(); // import x from 'y'\n/* import\n z */ b();";
        var code = SourceCode.Of(source);
        Assert.Multiple(() =>
        {
            Assert.That(code.Text, Has.Length.EqualTo(source.Length));
            Assert.That(code.Text, Does.Not.Contain("import"));
            Assert.That(code.Text.Split('\n'), Has.Length.EqualTo(3));
            Assert.That(code.Text, Does.StartWith("a();").And.EndWith("b();"));
        });
    }

    [Test]
    public void Of_CommentMarkersInsideStrings_AreText()
    {
        const string source = "const url = 'https://example.com/a'; const b = \"/* not a comment */\"; import x from './x';";
        var code = SourceCode.Of(source);
        Assert.That(code.Text, Is.EqualTo(source));
        Assert.That(code.InLiteral(source.IndexOf("https", StringComparison.Ordinal)), Is.True);
        Assert.That(code.InLiteral(source.IndexOf("import", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void Of_TemplateLiteral_IsALiteralExceptItsExpressions()
    {
        const string source = "const t = `import a from './a' ${require('./b')} and ${ {k: 1}.k } end`; require('./c');";
        var code = SourceCode.Of(source);
        Assert.Multiple(() =>
        {
            Assert.That(code.InLiteral(source.IndexOf("import", StringComparison.Ordinal)), Is.True);
            Assert.That(code.InLiteral(source.IndexOf("require('./b')", StringComparison.Ordinal)), Is.False, "code inside ${ }");
            Assert.That(code.InLiteral(source.IndexOf(" end", StringComparison.Ordinal)), Is.True, "the template resumes after a nested object's braces");
            Assert.That(code.InLiteral(source.LastIndexOf("require", StringComparison.Ordinal)), Is.False);
        });
    }

    [Test]
    public void Of_RegexLiteralWithAQuote_DoesNotOpenAString()
    {
        const string source = "const q = /['\"]/g; import x from './x';\nconst r = a / b / c; require('./y');";
        var code = SourceCode.Of(source);
        Assert.That(code.InLiteral(source.IndexOf("import", StringComparison.Ordinal)), Is.False);
        Assert.That(code.InLiteral(source.IndexOf("require", StringComparison.Ordinal)), Is.False, "a / b / c is division");
    }

    [Test]
    public void Of_UnclosedQuoteInJsxText_CostsOnlyItsLine()
    {
        const string source = "const v = <p>Don't panic</p>;\nimport x from './x';";
        var code = SourceCode.Of(source);
        Assert.That(code.InLiteral(source.IndexOf("import", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void Scan_ImportsInCommentsAndStrings_YieldNoSpecifier()
    {
        var found = ImportScanner.Scan("""
            /**
             * @example
             * import { App } from 'the-package';
             * const lazy = require('./lazy');
             */
            import { real } from './real';
            // export * from './old';
            const fixture = "import { x } from './fixture-only'";
            const tpl = `jest.mock('./mocked-in-text')`;
            it('reads require("./in-a-title")', () => {});
            """);
        Assert.That(found, Is.EqualTo(new[] { "./real" }));
    }
}
