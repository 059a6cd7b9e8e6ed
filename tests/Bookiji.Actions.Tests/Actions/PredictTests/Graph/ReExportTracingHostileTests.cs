using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Graph;

/// <summary>
/// Inputs where tracing names through barrels once left out a test that uses the changed file (a silent miss:
/// another test reached the file precisely, so nothing fell back to the barrel's importers). Each also checks that
/// the plain file graph (trace off) selects the same tests.
/// </summary>
[TestFixture]
public sealed class ReExportTracingHostileTests
{
    private static ImportGraph Build(Dictionary<string, string> files, bool trace = true) =>
        RepositoryScanner.BuildGraph(files.Keys.ToHashSet(StringComparer.Ordinal), f => files.GetValueOrDefault(f), trace);

    private static string[] Dependents(ImportGraph graph, params string[] changed) =>
        [.. graph.DependentTests(changed, f => f.EndsWith(".spec.ts", StringComparison.Ordinal)).Keys.Order(StringComparer.Ordinal)];

    private static void AssertSelects(Dictionary<string, string> files, string changed, params string[] expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Dependents(Build(files), changed), Is.EqualTo(expected), "traced");
            Assert.That(Dependents(Build(files, trace: false), changed), Is.EqualTo(expected), "plain");
        });
    }

    [Test]
    public void DependentTests_CommentedOutReExport_DoesNotShadowTheRealOne()
    {
        // Before: the comment's `export { helper } from './old'` was read as the barrel's re-export of helper, so
        // h.spec depended on old.ts only, and a change to utils.ts (reached precisely by utils.spec) missed it.
        foreach (var index in new[]
        {
            "// export { helper } from './old'\nexport * from './utils';",
            "/* export { helper } from './old' */\nexport { helper } from './utils';",
        })
        {
            var files = new Dictionary<string, string>
            {
                ["src/index.ts"] = index,
                ["src/old.ts"] = "export const helper = 0;",
                ["src/utils.ts"] = "export function helper() {}",
                ["tests/h.spec.ts"] = "import { helper } from '../src';",
                ["tests/utils.spec.ts"] = "import { helper } from '../src/utils';",
                ["tests/old.spec.ts"] = "import { helper } from '../src/old';",
            };
            AssertSelects(files, "src/utils.ts", "tests/h.spec.ts", "tests/utils.spec.ts");
            Assert.That(Dependents(Build(files), "src/old.ts"), Is.EqualTo(new[] { "tests/old.spec.ts" }), "still traced: " + index);
        }
    }

    [Test]
    public void DependentTests_WordExportInAComment_DoesNotHideTheFirstReExport()
    {
        // Before: "Re-export the public API" ran on into the next line as one `export … from` statement that could
        // not be taken apart, so the barrel's own `export { helper }` was lost and helper was found through the star.
        var files = new Dictionary<string, string>
        {
            ["src/index.ts"] = "// Re-export the public API\nexport { helper } from './helper'\nexport * from './rest'",
            ["src/helper.ts"] = "export function helper() {}",
            ["src/rest.ts"] = "export * from './legacy'\nexport const r = 1",
            ["src/legacy.ts"] = "export const helper = 0",
            ["tests/h.spec.ts"] = "import { helper } from '../src';",
            ["tests/direct.spec.ts"] = "import { helper } from '../src/helper';",
        };
        AssertSelects(files, "src/helper.ts", "tests/direct.spec.ts", "tests/h.spec.ts");
    }

    [Test]
    public void DependentTests_StarTargetWhoseReExportFollowsTheWordExportInAComment_StillListsItsNames()
    {
        // "we export" in b's comment ran on into `export * from './leaf'` as one statement that could not be taken
        // apart, so b listed no names, index took `leaf` from its first star only, and a change to b (reached plainly
        // by ns.spec, so no fallback) left out l.spec, which gets `leaf` through b as well.
        var files = new Dictionary<string, string>
        {
            ["src/index.ts"] = "export * from './leaf'\nexport * from './b'",
            ["src/b.ts"] = "// everything we export\nexport * from './leaf'\nexport const own = 1",
            ["src/leaf.ts"] = "export const leaf = 1",
            ["tests/l.spec.ts"] = "import { leaf } from '../src'",
            ["tests/ns.spec.ts"] = "import { own } from '../src/b'",
        };
        AssertSelects(files, "src/b.ts", "tests/l.spec.ts", "tests/ns.spec.ts");
    }

    [Test]
    public void DependentTests_DeclarationRunningIntoTheNextStatement_IsNotABarrel()
    {
        // Without semicolons, `export enum Mode { Fast, Slow }` and the import after it read as one re-export
        // statement: the file passed for a barrel, its own Mode was looked up through the star, and dep.ts (which
        // the file imports) no longer reached m.spec.
        var files = new Dictionary<string, string>
        {
            ["src/index.ts"] = "export * from './x'\nexport enum Mode { Fast, Slow }\nimport { dep } from './dep'",
            ["src/x.ts"] = "export enum Mode { A }",
            ["src/dep.ts"] = "export const dep = 1",
            ["tests/m.spec.ts"] = "import { Mode } from '../src';",
            ["tests/dep.spec.ts"] = "import { dep } from '../src/dep';",
        };
        Assert.That(ModuleAnalyzer.Analyze(files["src/index.ts"]).IsBarrel, Is.False);
        AssertSelects(files, "src/dep.ts", "tests/dep.spec.ts", "tests/m.spec.ts");
    }

    [Test]
    public void Graph_JsDocExampleImportingTheOwnPackage_IsNoEdgeAndSelectsOnlyImporters()
    {
        // A library's JSDoc says `import { App } from 'the-package'`; its exports point only at dist/, so the comment
        // was an edge to "the whole package" and every test of the entry point ran on any change.
        var files = new Dictionary<string, string>
        {
            ["package.json"] = """{ "name": "the-package", "exports": { ".": "./dist/index.js" }, "main": "./dist/index.js" }""",
            ["src/index.ts"] = "/**\n * @example\n * import { App } from 'the-package';\n * new App();\n */\nexport { App } from './app';",
            ["src/app.ts"] = "/** Usage: `import { App } from 'the-package'` */\nexport class App {}",
            ["src/util.ts"] = "export const pad = (s: string) => s;",
            ["tests/app.spec.ts"] = "import { App } from '../src';",
            ["tests/util.spec.ts"] = "import { pad } from '../src/util';",
        };
        AssertSelects(files, "src/util.ts", "tests/util.spec.ts");
        AssertSelects(files, "src/app.ts", "tests/app.spec.ts");
    }

    [Test]
    public void DependentTests_StarTargetListingANameInAComment_DoesNotHideTheRealProvider()
    {
        // a.ts's comment names helper. Once the first star that listed the name won and h.spec depended on a.ts only;
        // later both claimants were kept. Comments are not code now: b.ts alone provides helper.
        var files = new Dictionary<string, string>
        {
            ["src/index.ts"] = "export * from './a';\nexport * from './b';",
            ["src/a.ts"] = "// export function helper() {} moved to b\nexport const a = 1;",
            ["src/b.ts"] = "export function helper() {}",
            ["tests/h.spec.ts"] = "import { helper } from '../src';",
            ["tests/b.spec.ts"] = "import { helper } from '../src/b';",
            ["tests/a.spec.ts"] = "import { a } from '../src/a';",
        };
        AssertSelects(files, "src/b.ts", "tests/b.spec.ts", "tests/h.spec.ts");
        Assert.That(Dependents(Build(files), "src/a.ts"), Is.EqualTo(new[] { "tests/a.spec.ts" }), "an export in a comment claims nothing");
    }

    [Test]
    public void DependentTests_StarToARepositoryFileItCannotPlace_KeepsThePlainEdge()
    {
        // `#impl` means one of two files: the star was skipped and helper was taken from the next star that listed it.
        var files = new Dictionary<string, string>
        {
            ["package.json"] = """{ "name": "app", "imports": { "#impl": { "node": "./src/impl.node.ts", "default": "./src/impl.web.ts" } } }""",
            ["src/index.ts"] = "export * from '#impl';\nexport * from './a';",
            ["src/a.ts"] = "// export const helper = 1 (moved)\nexport const a = 1;",
            ["src/impl.node.ts"] = "export const helper = 1;",
            ["src/impl.web.ts"] = "export const helper = 2;",
            ["tests/h.spec.ts"] = "import { helper } from '../src';",
            ["tests/n.spec.ts"] = "import { helper } from '../src/impl.node';",
        };
        AssertSelects(files, "src/impl.node.ts", "tests/h.spec.ts", "tests/n.spec.ts");
    }

    [Test]
    public void DependentTests_DefaultsRenamesCyclesAndPackageStars_StillReachEveryUser()
    {
        var files = new Dictionary<string, string>
        {
            ["src/index.ts"] = "export { default } from './main';\nexport { default as Button } from './button';\nexport { x as y } from './mid';\nexport * from 'zod';\nexport * from './local';",
            ["src/mid.ts"] = "export { w as x } from './w';",
            ["src/w.ts"] = "export const w = 1;",
            ["src/main.ts"] = "export default 1;",
            ["src/button.ts"] = "export default function Button() {}",
            ["src/local.ts"] = "export const z = 1;",
            ["src/cycle/a.ts"] = "export * from './b';\nexport { x } from './b';\nexport * from './a';",
            ["src/cycle/b.ts"] = "export * from './a';\nexport { x } from './a';\nexport { v } from './v';",
            ["src/cycle/v.ts"] = "export const v = 1;",
            ["tests/d.spec.ts"] = "import Main, { Button } from '../src';",
            ["tests/y.spec.ts"] = "import { y } from '../src';",
            ["tests/z.spec.ts"] = "import { z } from '../src';",
            ["tests/w.spec.ts"] = "import { w } from '../src/w';",
            ["tests/cycle.spec.ts"] = "import { x, v } from '../src/cycle/a';",
            ["tests/v.spec.ts"] = "import { v } from '../src/cycle/v';",
        };
        var graph = Build(files);
        Assert.Multiple(() =>
        {
            Assert.That(Dependents(graph, "src/main.ts"), Is.EqualTo(new[] { "tests/d.spec.ts" }));
            Assert.That(Dependents(graph, "src/w.ts"), Is.EqualTo(new[] { "tests/w.spec.ts", "tests/y.spec.ts" }), "export { a as b } → export { b as c }");
            Assert.That(Dependents(graph, "src/local.ts"), Is.EqualTo(new[] { "tests/z.spec.ts" }), "a package's star provides no repository file");
            Assert.That(Dependents(graph, "src/cycle/v.ts"), Is.EqualTo(new[] { "tests/cycle.spec.ts", "tests/v.spec.ts" }), "barrels in a cycle keep the plain edge");
        });
    }
    [Test]
    public void DiamondOfBarrels_TracesEachBarrelOnce_ToTheDeclaringFile()
    {
        // Every star that lists a name is followed, so 14 levels of two barrels that both re-export both barrels below
        // are 2^14 paths to the leaf: each (barrel, name) is traced once per import, not once per path.
        var files = new Dictionary<string, string>
        {
            ["src/leaf.ts"] = string.Join('\n', Enumerable.Range(0, 64).Select(i => $"export const n{i} = {i};")),
            ["src/other.ts"] = "export const other = 1;",
            ["tests/leaf.spec.ts"] = "import { n0 } from '../src/leaf';",
            ["tests/names.spec.ts"] = $"import {{ {string.Join(", ", Enumerable.Range(0, 64).Select(i => $"n{i}"))} }} from '../src/l0a';",
        };
        for (var level = 0; level < 14; level++)
        {
            var below = level == 13 ? "export * from './leaf';\nexport * from './other';" : $"export * from './l{level + 1}a';\nexport * from './l{level + 1}b';";
            files[$"src/l{level}a.ts"] = below;
            files[$"src/l{level}b.ts"] = below;
        }

        var graph = Build(files);
        Assert.Multiple(() =>
        {
            Assert.That(Dependents(graph, "src/leaf.ts"), Is.EqualTo(new[] { "tests/leaf.spec.ts", "tests/names.spec.ts" }));
            Assert.That(Dependents(graph, "src/other.ts"), Is.EqualTo(new[] { "tests/names.spec.ts" }), "no test reaches it precisely: the barrels' importers");
            Assert.That(graph.DependentTests(["src/l7b.ts"], f => f.EndsWith(".spec.ts", StringComparison.Ordinal)).Keys, Is.EqualTo(new[] { "tests/names.spec.ts" }), "a changed barrel on the way");
        });
    }
}
