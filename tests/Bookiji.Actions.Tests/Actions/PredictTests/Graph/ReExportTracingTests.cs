using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Graph;

[TestFixture]
public sealed class ReExportTracingTests
{
    // A package entry that re-exports everything (TanStack's query-core, most libraries), and tests that import
    // names from it: the hub of issue 13's third finding, at file level.
    private static readonly Dictionary<string, string> Library = new()
    {
        ["src/index.ts"] = """
            /* istanbul ignore file */
            export { a } from './a';
            export * from './b';
            export * as ns from './c';
            export { d } from './d';
            """,
        ["src/a.ts"] = "export const a = 1;",
        ["src/b.ts"] = "import { x } from './x';\nexport function b() { return x; }\nexport type B = 1;",
        ["src/x.ts"] = "export const x = 2;",
        ["src/c.ts"] = "export const c = 3;",
        ["src/d.ts"] = "export const d = 4;",
        ["tests/a.spec.ts"] = "import { a } from '../src';",
        ["tests/b.spec.ts"] = "import { b, type B } from '../src';",
        ["tests/ns.spec.ts"] = "import { ns } from '../src';",
    };

    private static ImportGraph Build(Dictionary<string, string> files, bool trace = true) =>
        RepositoryScanner.BuildGraph(files.Keys.ToHashSet(StringComparer.Ordinal), f => files.GetValueOrDefault(f), trace);

    private static string[] Dependents(ImportGraph graph, params string[] changed) =>
        [.. graph.DependentTests(changed, f => f.EndsWith(".spec.ts", StringComparison.Ordinal)).Keys.Order(StringComparer.Ordinal)];

    [Test]
    public void DependentTests_NameFromBarrel_SelectsOnlyTheTestsThatImportIt()
    {
        var graph = Build(Library);
        Assert.Multiple(() =>
        {
            Assert.That(Dependents(graph, "src/a.ts"), Is.EqualTo(new[] { "tests/a.spec.ts" }));
            Assert.That(Dependents(graph, "src/x.ts"), Is.EqualTo(new[] { "tests/b.spec.ts" }), "through export * and b's own import");
            Assert.That(Dependents(graph, "src/c.ts"), Is.EqualTo(new[] { "tests/ns.spec.ts" }), "export * as ns");
            Assert.That(graph.DependentTests(["src/x.ts"], f => f.EndsWith(".spec.ts", StringComparison.Ordinal))["tests/b.spec.ts"],
                Is.EqualTo(new[] { "tests/b.spec.ts", "src/index.ts", "src/b.ts", "src/x.ts" }), "the barrel passed is shown");
        });
    }

    [Test]
    public void DependentTests_ChangedBarrel_SelectsEveryTestImportingThroughIt()
    {
        Assert.That(Dependents(Build(Library), "src/index.ts"), Is.EqualTo(new[] { "tests/a.spec.ts", "tests/b.spec.ts", "tests/ns.spec.ts" }));
    }

    [Test]
    public void DependentTests_FileOnlyTheBarrelReaches_FallsBackToTheBarrelsImporters_NeverUncovered()
    {
        // No test imports `d`: the change still selects what a plain file graph would, and counts as covered.
        var graph = Build(Library);
        Assert.Multiple(() =>
        {
            Assert.That(Dependents(graph, "src/d.ts"), Is.EqualTo(new[] { "tests/a.spec.ts", "tests/b.spec.ts", "tests/ns.spec.ts" }));
            Assert.That(graph.ReachedFrom(Library.Keys.Where(f => f.StartsWith("tests/", StringComparison.Ordinal))), Does.Contain("src/d.ts"));
            Assert.That(Dependents(graph, "src/a.ts", "src/d.ts"), Is.EqualTo(new[] { "tests/a.spec.ts", "tests/b.spec.ts", "tests/ns.spec.ts" }), "judged per changed file");
        });
    }

    [Test]
    public void DependentTests_UnknownNameOrWholeImport_KeepsThePlainEdgeToTheBarrel()
    {
        var files = new Dictionary<string, string>(Library)
        {
            ["tests/unknown.spec.ts"] = "import { notExported } from '../src';",
            ["tests/all.spec.ts"] = "import * as all from '../src';",
        };
        Assert.That(Dependents(Build(files), "src/a.ts"), Is.EqualTo(new[] { "tests/a.spec.ts", "tests/all.spec.ts", "tests/unknown.spec.ts" }));
    }

    [Test]
    public void DependentTests_TracingOff_IsThePlainFileGraph()
    {
        Assert.That(Dependents(Build(Library, trace: false), "src/a.ts"), Is.EqualTo(new[] { "tests/a.spec.ts", "tests/b.spec.ts", "tests/ns.spec.ts" }));
    }

    [Test]
    public void DependentTests_NestedBarrelsAndRenames_ReachTheDeclaringFile()
    {
        var files = new Dictionary<string, string>
        {
            ["packages/core/src/index.ts"] = "export { QueryClient as Client } from './client';\nexport * from './inner';",
            ["packages/core/src/inner/index.ts"] = "export { observe } from './observer';",
            ["packages/core/src/inner/observer.ts"] = "export function observe() {}",
            ["packages/core/src/client.ts"] = "export class QueryClient {}",
            ["packages/core/tests/observe.spec.ts"] = "import { observe } from '../src';",
            ["packages/core/tests/client.spec.ts"] = "import { Client } from '../src';",
        };
        var graph = Build(files);
        Assert.Multiple(() =>
        {
            Assert.That(Dependents(graph, "packages/core/src/inner/observer.ts"), Is.EqualTo(new[] { "packages/core/tests/observe.spec.ts" }));
            Assert.That(Dependents(graph, "packages/core/src/client.ts"), Is.EqualTo(new[] { "packages/core/tests/client.spec.ts" }));
            Assert.That(Dependents(graph, "packages/core/src/inner/index.ts"), Is.EqualTo(new[] { "packages/core/tests/observe.spec.ts" }), "the inner barrel's text");
        });
    }
}
