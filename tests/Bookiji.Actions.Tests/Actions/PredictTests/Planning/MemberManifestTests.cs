using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Planning;

[TestFixture]
public sealed class MemberManifestTests
{
    // A pnpm-style workspace: b imports a by name, c stands alone.
    private static readonly Dictionary<string, string> Workspace = new()
    {
        ["package.json"] = """{ "name": "root", "private": true, "workspaces": ["packages/*"] }""",
        ["packages/a/package.json"] = """{ "name": "@w/a", "exports": { ".": "./src/index.ts" }, "devDependencies": { "jest": "^29.7.0" } }""",
        ["packages/a/src/index.ts"] = "export const a = 1;",
        ["packages/a/tests/a.test.ts"] = "import { a } from '../src';",
        ["packages/b/package.json"] = """{ "name": "@w/b" }""",
        ["packages/b/src/b.ts"] = "import { a } from '@w/a';\nexport const b = a;",
        ["packages/b/tests/b.test.ts"] = "import { b } from '../src/b';",
        ["packages/c/package.json"] = """{ "name": "@w/c" }""",
        ["packages/c/src/c.ts"] = "export const c = 3;",
        ["packages/c/tests/c.test.ts"] = "import { c } from '../src/c';",
        // A member whose package.json is its jest config, reaching tests outside its folder.
        ["packages/d/package.json"] = """{ "name": "@w/d", "jest": { "roots": ["<rootDir>", "<rootDir>/../../e2e"] } }""",
        ["packages/d/src/d.ts"] = "export const d = 4;",
        ["packages/d/tests/d.test.ts"] = "import { d } from '../src/d';",
        ["e2e/d-flow.test.ts"] = "test('flow', () => {});",
        // A tool's own manifest: no test lives under it or imports from it.
        ["tools/gen/package.json"] = """{ "name": "gen", "private": true }""",
        ["tools/gen/gen.ts"] = "export const gen = 1;",
    };

    private static TestPlan Plan(string changed, bool withGraph = true, Dictionary<string, string>? baseOf = null) => Plan(new ChangedFile(changed, ChangeKind.Modified), withGraph, baseOf);

    /// <summary>Plans <paramref name="changed"/> on the workspace; the base's files are <paramref name="baseOf"/> (default: the same texts).</summary>
    private static TestPlan Plan(ChangedFile changed, bool withGraph = true, Dictionary<string, string>? baseOf = null)
    {
        var files = Workspace.Keys.ToHashSet(StringComparer.Ordinal);
        var rules = PlanRules.Defaults();
        return TestPlanner.Plan(new PlanInput
        {
            Changes = new ChangeSet([changed], "test", true, []),
            Map = null,
            AllTests = rules.TestFiles.MatchAll(files),
            Graph = withGraph ? RepositoryScanner.BuildGraph(files, f => Workspace.GetValueOrDefault(f)) : null,
            WideManifests = MemberManifests.Find([changed], f => Workspace.GetValueOrDefault(f), f => (baseOf ?? Workspace).GetValueOrDefault(f)),
        }, rules);
    }

    [Test]
    public void Plan_MemberManifestChanged_SelectsItsTestsAndItsImporters_NotEverything()
    {
        var plan = Plan("packages/a/package.json");
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.False, string.Join("; ", plan.RunAllReasons));
            Assert.That(plan.Tests.Select(t => t.Path), Is.EqualTo(new[] { "packages/a/tests/a.test.ts", "packages/b/tests/b.test.ts" }));
            Assert.That(plan.Tests.Single(t => t.Path.Contains("/b/", StringComparison.Ordinal)).Because, Does.Contain("packages/a/package.json"));
        });
    }

    [Test]
    public void Plan_RootManifestChanged_RunsEverything()
    {
        var plan = Plan("package.json");
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.True);
            Assert.That(plan.RunAllReasons, Has.Some.Contains("package.json: matches always-run-all 'package.json'"));
        });
    }

    [Test]
    public void Plan_MemberManifestChanged_WithoutAGraph_RunsEverything()
    {
        Assert.That(Plan("packages/c/package.json", withGraph: false).RunAll, Is.True);
    }

    [Test]
    public void Plan_ManifestNoTestReaches_RunsEverything_NotNothing()
    {
        var plan = Plan("tools/gen/package.json");
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.True, "before, the manifest counted as covered while it selected no test");
            Assert.That(plan.RunAllReasons, Has.Some.Contains("tools/gen/package.json"));
        });
    }

    [TestCase("./package.json")]
    [TestCase("/package.json")]
    [TestCase("packages/../package.json")]
    public void Plan_RootManifestUnderAnotherSpelling_RunsEverything(string path)
    {
        Assert.That(Plan(path).RunAll, Is.True);
    }

    [Test]
    public void Plan_MemberManifestRenamed_RunsEverything()
    {
        // packages/c loses its manifest: what imported "@w/c" no longer resolves to it, which the head's graph cannot show.
        var plan = Plan(new ChangedFile("packages/a/package.json", ChangeKind.Renamed, "packages/c/package.json"));
        Assert.That(plan.RunAll, Is.True);
    }

    [Test]
    public void Plan_MemberManifestRemoved_RunsEverything()
    {
        Assert.That(Plan(new ChangedFile("packages/a/package.json", ChangeKind.Removed)).RunAll, Is.True);
    }

    [Test]
    public void Plan_MemberManifestHoldingTheJestConfig_RunsEverything_AsAJestConfigDoes()
    {
        // Its roots reach e2e/, which neither the folder rule nor the import graph would select.
        var plan = Plan("packages/d/package.json");
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.True, "before, only packages/d's own tests ran");
            Assert.That(plan.RunAllReasons, Has.Some.Contains("packages/d/package.json").And.Some.Contains("jest"));
        });
    }

    [TestCase("""{ "name": "x", "devDependencies": { "jest": "^29", "babel": "^6" } }""", false)]
    [TestCase("""{ "name": "x", "jest": { "testEnvironment": "node" } }""", true)]
    [TestCase("""{ "name": "x", "babel": { "presets": ["@babel/env"] } }""", true)]
    [TestCase("""{ "name": "x", "mocha": { "spec": "test/**" } }""", true)]
    [TestCase("""{ "name": "x", "ava": {} }""", true)]
    [TestCase("""{ "name": "x", """, true)]
    [TestCase("""[1, 2]""", true)]
    [TestCase("null", true)]
    public void ConfiguresRunner_TopLevelKeysOnly_AndGarbageCountsAsDoubt(string text, bool expected)
    {
        Assert.That(MemberManifests.ConfiguresRunner(text), Is.EqualTo(expected));
    }

    [Test]
    public void Plan_MemberManifestRenamesThePackage_RunsEverything()
    {
        // b imports "@w/a-old" at the base; in the head's graph nothing imports "@w/a" by that name any more, so the
        // importer that now breaks would not be selected.
        var before = new Dictionary<string, string>(Workspace) { ["packages/a/package.json"] = """{ "name": "@w/a-old", "exports": { ".": "./src/index.ts" } }""" };
        var plan = Plan("packages/a/package.json", baseOf: before);
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.True);
            Assert.That(plan.RunAllReasons, Has.Some.Contains("changed how the package resolves"));
        });
    }

    [Test]
    public void Plan_MemberManifestChangesOnlyItsVersionAndScripts_StillSelectsItsTests()
    {
        var before = new Dictionary<string, string>(Workspace) { ["packages/a/package.json"] = """{ "version": "1.0.0", "name": "@w/a", "scripts": { "t": "x" }, "exports": { ".": "./src/index.ts" } }""" };
        Assert.That(Plan("packages/a/package.json", baseOf: before).RunAll, Is.False);
    }

    [Test]
    public void Plan_MemberManifestWhoseBaseIsUnknown_RunsEverything()
    {
        var plan = Plan("packages/a/package.json", baseOf: []);
        Assert.That(plan.RunAllReasons, Has.Some.Contains("could not be compared"));
    }
}
