using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Graph;

[TestFixture]
public sealed class ImportGraphTests
{
    [Test]
    public void Scan_EveryLiteralImportForm_IsFound()
    {
        var found = ImportScanner.Scan("""
            import a from './a';
            import type { B } from "../b";
            import {
              c1,
              c2,
            } from '@/c';
            import './side-effect';
            export * from './d';
            export { e } from './e';
            const f = require('./f');
            const g = await import('./g');
            jest.mock('./h');
            const dynamic = import(name); // invisible, by design
            """);
        Assert.That(found, Is.EqualTo(new[] { "./a", "../b", "@/c", "./side-effect", "./d", "./e", "./f", "./g", "./h" }));
    }

    [Test]
    public void Scan_CommentsInsideTheBraces_DoNotHideTheImport()
    {
        // Before, a comment between the braces stopped the pattern and the import was never seen: a silent miss.
        var found = ImportScanner.Scan("""
            import {
              parse, // the entry point
              /* internal */ format,
            } from './core';
            export {
              a, // re-exported
            } from './a';
            """);
        Assert.That(found, Is.EqualTo(new[] { "./core", "./a" }));
    }

    [Test]
    public void Scan_RepeatedKeywordsWithoutFrom_EndsAndStillFindsTheRealImport()
    {
        // 140,000 characters of "import " took 46 s (each keyword's clause ran to the end of the file looking for
        // `from`): a clause now stops at the next import/export keyword, so the scan is linear.
        var text = string.Concat(Enumerable.Repeat("import ", 20_000)) + "\nimport { real } from './real';\nimport { import as renamed } from './odd';\n";
        Assert.That(ImportScanner.Scan(text), Is.EqualTo(new[] { "./real", "./odd" }));
    }

    [Test]
    public void Resolve_RelativeAliasIndexAndJsForTs_FindTheSourceFile()
    {
        var files = new HashSet<string> { "src/a.ts", "src/lib/index.ts", "src/utils/format.tsx", "src/data/users.json", "src/esm.ts" };
        var resolver = ModuleResolver.FromTsConfig(files, """{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"], "~lib": ["src/lib"] } } }""");
        Assert.Multiple(() =>
        {
            Assert.That(resolver.Resolve("src/x/y.ts", "../a"), Is.EqualTo("src/a.ts"));
            Assert.That(resolver.Resolve("src/a.ts", "./lib"), Is.EqualTo("src/lib/index.ts"));
            Assert.That(resolver.Resolve("tests/t.spec.ts", "@/utils/format"), Is.EqualTo("src/utils/format.tsx"));
            Assert.That(resolver.Resolve("tests/t.spec.ts", "~lib"), Is.EqualTo("src/lib/index.ts"));
            Assert.That(resolver.Resolve("src/a.ts", "./esm.js"), Is.EqualTo("src/esm.ts"));
            Assert.That(resolver.Resolve("src/a.ts", "./data/users.json"), Is.EqualTo("src/data/users.json"));
            Assert.That(resolver.Resolve("src/a.ts", "src/a"), Is.EqualTo("src/a.ts"), "baseUrl-relative");
            Assert.That(resolver.Resolve("src/a.ts", "react"), Is.Null);
            Assert.That(resolver.Resolve("src/a.ts", "../../../etc/passwd"), Is.Null);
        });
    }

    [Test]
    public void DependentTests_FollowsTransitiveImports_WithTheShortestChain()
    {
        var files = new HashSet<string> { "src/lib/date.ts", "src/booking/create.ts", "tests/booking.spec.ts", "tests/other.spec.ts" };
        var graph = ImportGraph.Build(new Dictionary<string, IReadOnlyList<string>>
        {
            ["src/booking/create.ts"] = ["../lib/date"],
            ["tests/booking.spec.ts"] = ["../src/booking/create"],
            ["tests/other.spec.ts"] = ["react"],
        }, new ModuleResolver(files));
        var dependents = graph.DependentTests(["src/lib/date.ts"], f => f.EndsWith(".spec.ts", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(dependents.Keys, Is.EqualTo(new[] { "tests/booking.spec.ts" }));
            Assert.That(dependents["tests/booking.spec.ts"], Is.EqualTo(new[] { "tests/booking.spec.ts", "src/booking/create.ts", "src/lib/date.ts" }));
            Assert.That(graph.EdgeCount, Is.EqualTo(2));
        });
    }
}
