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

    [Test]
    public void Of_RegexAfterAnArrow_IsARegexNotAComment()
    {
        const string source = "const isAbs = p => /^\\/\\//.test(p); import x from './x';\nconst t = s => /`/.test(s); require('./y');";
        var code = SourceCode.Of(source);
        Assert.That(ImportScanner.Scan(source), Is.EqualTo(new[] { "./x", "./y" }));
        Assert.That(code.Text, Does.Contain("import x from './x'"));
    }

    [Test]
    public void Of_UnclosedBlockCommentOrBacktick_DoesNotSwallowTheRestOfTheFile()
    {
        Assert.That(ImportScanner.Scan("const hint = <p>Put files in src/*.ts</p>;\nimport a from './a';"), Is.EqualTo(new[] { "./a" }));
        Assert.That(ImportScanner.Scan("const key = <kbd>`</kbd>;\nconst b = require('./b');"), Is.EqualTo(new[] { "./b" }));
    }

    [Test]
    public void Scan_MatchBeginningInALiteralThatRunsIntoCode_StillFindsTheRealImport() =>
        Assert.That(ImportScanner.Scan("const label = 'auto import '; const mod = require('./mod');"), Is.EqualTo(new[] { "./mod" }));

    [Test]
    public void Analyze_VueFile_ReadsOnlyItsScripts()
    {
        const string vue = "<template>\n  <p>Globs like src/*.ts and a ` tick</p>\n  <!-- import old from './old' -->\n</template>\n<script setup lang=\"ts\">\nimport Page from './Page.vue';\nconst Lazy = defineAsyncComponent(() => import('./Lazy.vue'));\n</script>\n";
        var facts = ModuleAnalyzer.Analyze(vue, "src/App.vue");
        Assert.That(facts.Imports.Select(i => i.Specifier), Is.EqualTo(new[] { "./Page.vue", "./Lazy.vue" }));
    }
}
