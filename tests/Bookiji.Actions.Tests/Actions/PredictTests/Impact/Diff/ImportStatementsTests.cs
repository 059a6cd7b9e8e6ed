using Bookiji.Actions.PredictTests.Impact.Diff;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact.Diff;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ImportStatementsTests
{
    private const string Body = "\nexport function f() {\n  return a();\n}\n";

    [Test]
    public void Rebinding_NameAddedFromAModuleAlreadyImported_GivesBothVersionsImportLines()
    {
        var spans = ImportStatements.Rebinding(
            "import { a } from \"./util.js\";\nimport * as z from 'zod';" + Body,
            "import {\n  a,\n  b,\n} from \"./util.js\";\nimport * as z from 'zod';" + Body);

        Assert.That(spans, Is.Not.Null);
        Assert.That(spans!.Before, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(spans.After, Is.EqualTo(new[] { 1, 5 }));
    }

    [TestCase("import { a } from './util.js';", "import { a } from './util.js';\nimport { c } from './other.js';", TestName = "Rebinding_ModuleNewlyImported_IsNull")]
    [TestCase("import { a } from './util.js';\nimport './polyfill.js';", "import { a } from './util.js';", TestName = "Rebinding_BareImportDropped_IsNull")]
    [TestCase("import { a } from './util.js';\nimport { b } from './b.js';", "import { a } from './b.js';\nimport { b } from './util.js';", TestName = "Rebinding_NameNowFromAnotherModule_IsNull")]
    [TestCase("import { a } from './util.js';", "import { b as a } from './util.js';", TestName = "Rebinding_NameNowAnotherExport_IsNull")]
    [TestCase("import a from './util.js';", "import * as a from './util.js';", TestName = "Rebinding_DefaultNowNamespace_IsNull")]
    [TestCase("import { a } from './util.js';", "import { a } from './util.js';\nimport x = require('./legacy');", TestName = "Rebinding_StatementTheLexerCannotRead_IsNull")]
    [TestCase("import { a } from './util.js';", "import { a, \"odd-name\" as b } from './util.js';", TestName = "Rebinding_StringExportName_IsNull")]
    [TestCase("import { a, b } from './util.js';\nconst c = b;", "import { a } from './util.js';\nconst c = b;", TestName = "Rebinding_NameDroppedButStillUsed_IsNull")]
    public void Rebinding_ChangesWhatLoadsOrWhatANameMeans_IsNull(string before, string after) =>
        Assert.That(ImportStatements.Rebinding(before + Body, after + Body), Is.Null);

    [Test]
    public void Rebinding_NameDroppedWithItsLastUse_OnlyRebinds()
    {
        var spans = ImportStatements.Rebinding("import { a, b } from './util.js';\nconst c = b; // b\n" + Body, "import { a } from './util.js';\nconst c = 1; // b\n" + Body);

        Assert.That(spans, Is.Not.Null, "the comment's b is not code");
    }

    [Test]
    public void Rebinding_TypeOnlyImportOfANewModule_OnlyRebinds()
    {
        // TypeScript erases `import type`: no module starts loading.
        var spans = ImportStatements.Rebinding("import { a } from './util.js';" + Body, "import { a } from './util.js';\nimport type { Shape } from './types.js';" + Body);

        Assert.That(spans?.After, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Rebinding_ImportsInCommentsStringsAndExpressions_AreNotStatements()
    {
        const string after = "import { a, b } from './util.js';\n// import { c } from './other.js';\nconst s = \"import { d } from './x.js'\";\n" +
            "const later = import('./lazy.js');\nconst url = import.meta.url;" + Body;

        var spans = ImportStatements.Rebinding("import { a } from './util.js';" + Body, after);

        Assert.That(spans?.After, Is.EqualTo(new[] { 1, 1 }), "only line 1 is an import statement");
    }

    [Test]
    public void Rebinding_FilePastTheLexersBound_IsNull()
    {
        var huge = "import { a } from './util.js';\n" + new string(' ', ImportStatements.MaxChars) + Body;

        Assert.That(ImportStatements.Rebinding(huge, huge.Replace("{ a }", "{ a, b }", StringComparison.Ordinal)), Is.Null, "a PR's giant file is not lexed: its import lines stay code");
    }

    [Test]
    public void Within_ImportOrBlankLinesOnly_IsTrue()
    {
        int[] lines = [1, 4, 7, 7];

        Assert.That(ImportStatements.Within(lines, 2, "  b,\n\n  c,\n"), Is.True, "lines 2–4, 3 blank");
        Assert.That(ImportStatements.Within(lines, 4, "  c,\n  d,\n"), Is.False, "line 5 is not an import line");
        Assert.That(ImportStatements.Within(lines, 6, "const x = 1;\n"), Is.False);
        Assert.That(ImportStatements.Within(lines, 7, null), Is.False, "text not kept: unknown");
    }
}
