using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Planning;

/// <summary>Packages in the plan: tests that load a build, tests that import nothing, and the package rule beside the graph.</summary>
[TestFixture]
public sealed class TestPlannerPackagesTests
{
    /// <summary>A pnpm monorepo: vue bundles @m/shared; vue's browser e2e tests load vue's build, not its sources.</summary>
    private static readonly Dictionary<string, string> Monorepo = new()
    {
        ["package.json"] = """{ "name": "root", "private": true }""",
        ["pnpm-workspace.yaml"] = "packages:\n  - packages/*\n",
        ["packages/shared/package.json"] = """{ "name": "@m/shared", "main": "dist/shared.cjs.js", "types": "dist/shared.d.ts" }""",
        ["packages/shared/src/index.ts"] = "export const isArray = Array.isArray;\n",
        ["packages/shared/src/unused.ts"] = "export const nobodyImportsThis = 1;\n",
        ["packages/shared/__tests__/shared.spec.ts"] = "import { isArray } from '../src';\n",
        ["packages/vue/package.json"] = """{ "name": "vue", "main": "index.js", "unpkg": "dist/vue.global.js", "exports": { ".": { "import": "./dist/vue.esm.js", "require": "./index.js" } }, "dependencies": { "@m/shared": "workspace:*" } }""",
        ["packages/vue/src/index.ts"] = "import { isArray } from '@m/shared';\nexport const version = isArray([]) ? '3' : '?';\n",
        ["packages/vue/__tests__/index.spec.ts"] = "import { version } from '../src';\n",
        ["packages/vue/__tests__/e2e/e2eUtils.ts"] = "import path from 'node:path';\nexport const bundle = new URL('../../dist/vue.global.js', import.meta.url).href;\nexport const cjs = path.resolve(__dirname, '../../dist/vue.cjs.js');\n",
        ["packages/vue/__tests__/e2e/todomvc.spec.ts"] = "import { bundle } from './e2eUtils';\ntest('todo', () => bundle);\n",
        ["packages/docs-site/package.json"] = """{ "name": "docs-site", "private": true }""",
        ["packages/docs-site/src/page.ts"] = "export const page = 1;\n",
        ["packages/docs-site/__tests__/page.spec.ts"] = "import { page } from '../src/page';\n",
        ["packages/cli/package.json"] = """{ "name": "cli", "bin": "bin/cli.js" }""",
        ["packages/cli/bin/cli.js"] = "console.log('hi');\n",
        ["packages/cli/__tests__/cli.spec.ts"] = "import { execa } from 'execa';\ntest('runs', () => execa('node', ['bin/cli.js']));\n",
    };

    private static HashSet<string> Tests(Dictionary<string, string> files) => [.. files.Keys.Where(f => f.EndsWith(".spec.ts", StringComparison.Ordinal))];

    private static TestPlan Plan(Dictionary<string, string> files, params string[] changed) => TestPlanner.Plan(new PlanInput
    {
        Changes = new ChangeSet([.. changed.Select(p => new ChangedFile(p, ChangeKind.Modified))], "test", true, []),
        AllTests = Tests(files),
        Graph = RepositoryScanner.BuildGraph(files.Keys.ToHashSet(StringComparer.Ordinal), files.GetValueOrDefault),
    }, PlanRules.Defaults());

    private static string[] Selected(TestPlan plan) => [.. plan.Tests.Select(t => t.Path).Order(StringComparer.Ordinal)];

    [Test]
    public void Plan_ChangeToSourcesABundleIsBuiltFrom_SelectsTheE2eTestsThatLoadTheBuild()
    {
        // Before: todomvc.spec imports only a helper that names ../../dist/…; a change to shared selected index.spec
        // and shared.spec and silently skipped the browser test of the bundle that inlines shared.
        var plan = Plan(Monorepo, "packages/shared/src/index.ts");
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.False);
            Assert.That(Selected(plan), Is.EqualTo(new[] { "packages/shared/__tests__/shared.spec.ts", "packages/vue/__tests__/e2e/todomvc.spec.ts", "packages/vue/__tests__/index.spec.ts" }));
            Assert.That(plan.Tests.Single(t => t.Path.EndsWith("todomvc.spec.ts", StringComparison.Ordinal)).Because, Does.Contain("whole package"));
        });
    }

    [Test]
    public void Plan_TestImportingAPackageWhoseEntryIsItsBuild_DependsOnThePackagesThatBuildRuns()
    {
        // `from 'vue'` resolves only to dist/: the test runs vue's build, which runs @m/shared's code too.
        var files = new Dictionary<string, string>(Monorepo) { ["packages/vue/__tests__/e2e/transition.spec.ts"] = "import { version } from 'vue';\ntest('t', () => version);\n" };
        Assert.That(Selected(Plan(files, "packages/shared/src/index.ts")), Does.Contain("packages/vue/__tests__/e2e/transition.spec.ts"));
    }

    [Test]
    public void Plan_FixtureUnderAPackagesTestsFolder_IsNotPartOfItsWholePackage()
    {
        // vuejs/core: an e2e page under __tests__/ is loaded through a computed path. As a member of "the whole vue
        // package" it looked covered by every test importing vue, and the spec that loads it was never selected.
        var files = new Dictionary<string, string>(Monorepo)
        {
            ["packages/vue/__tests__/e2e/hydration.html"] = "<script src=\"../../dist/vue.global.js\"></script>\n",
            ["packages/vue/__tests__/e2e/hydration.spec.ts"] = "import path from 'node:path';\nconst page = (n: string) => `file://${path.resolve(__dirname, `./hydration-${n}.html`)}`;\n",
            ["packages/vue/__tests__/e2e/transition.spec.ts"] = "import { version } from 'vue';\ntest('t', () => version);\n",
        };
        var plan = Plan(files, "packages/vue/__tests__/e2e/hydration.html");
        Assert.That(plan.RunAll || plan.Tests.Any(t => t.Path.EndsWith("hydration.spec.ts", StringComparison.Ordinal)), Is.True, string.Join("; ", plan.Tests.Select(t => t.Path + ": " + t.Because)));
    }

    [Test]
    public void Plan_ChangeInAPackageNothingLoads_LeavesItsBuildTestsOut()
    {
        var plan = Plan(Monorepo, "packages/docs-site/src/page.ts");
        Assert.That(Selected(plan), Is.EqualTo(new[] { "packages/docs-site/__tests__/page.spec.ts" }));
    }

    [Test]
    public void Plan_TestThatImportsNoneOfTheSources_RunsWhenItsPackageChangesAndSaysWhy()
    {
        var plan = Plan(Monorepo, "packages/cli/bin/cli.js");
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.False, "the package rule covers the file no test imports, in a monorepo");
            Assert.That(Selected(plan), Is.EqualTo(new[] { "packages/cli/__tests__/cli.spec.ts" }));
            Assert.That(plan.Tests.Single().Because, Does.Contain("imports none of the sources").Or.Contain("no import reaches it"));
        });
        Assert.That(Selected(Plan(Monorepo, "packages/docs-site/src/page.ts")), Does.Not.Contain("packages/cli/__tests__/cli.spec.ts"), "another package's change leaves it out");
    }

    [Test]
    public void Plan_FileNoTestImportsInAWorkspacePackage_RunsThatPackagesTestsNotEverything()
    {
        // Before: "no importing test covers it" ran all six tests; the package rule runs docs-site's, and the tests
        // that import no source (cli.spec spawns a process: it may reach the file some other way).
        var files = new Dictionary<string, string>(Monorepo) { ["packages/docs-site/src/draft.ts"] = "export const draft = 1;\n" };
        var plan = Plan(files, "packages/docs-site/src/draft.ts");
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.False);
            Assert.That(Selected(plan), Is.EqualTo(new[] { "packages/cli/__tests__/cli.spec.ts", "packages/docs-site/__tests__/page.spec.ts" }));
            Assert.That(plan.Warnings, Has.Some.Contains("the tests of the packages they affect"));
        });
    }

    [Test]
    public void Plan_FileNoTestImportsWhereThePackageRuleFindsNoTest_StillRunsEverything()
    {
        var files = new Dictionary<string, string>(Monorepo)
        {
            ["examples/demo/package.json"] = """{ "name": "demo", "private": true }""",
            ["examples/demo/src/page.ts"] = "export const page = 1;\n",
        };
        files.Remove("packages/cli/__tests__/cli.spec.ts");
        Assert.That(Plan(files, "examples/demo/src/page.ts").RunAll, Is.True, "no test of its package, of the root or importing no source: in doubt, everything");
    }

    [Test]
    public void Plan_RemovedFileInAWorkspacePackage_StillRunsEverything()
    {
        // A removed file is gone from the graph, so no import reaches it: an undeclared relative importer elsewhere
        // would break unseen under the package rule.
        var plan = TestPlanner.Plan(new PlanInput
        {
            Changes = new ChangeSet([new ChangedFile("packages/docs-site/src/gone.ts", ChangeKind.Removed)], "test", true, []),
            AllTests = Tests(Monorepo),
            Graph = RepositoryScanner.BuildGraph(Monorepo.Keys.ToHashSet(StringComparer.Ordinal), Monorepo.GetValueOrDefault),
        }, PlanRules.Defaults());
        Assert.That(plan.RunAll, Is.True);
    }

    [Test]
    public void Plan_FileOnlyABuildBundles_SelectsTheTestsOfThatBuild()
    {
        // unused.ts is imported by nobody, but vue's build inlines all of @m/shared (the e2e test), and vue's sources
        // import @m/shared, whose entry is only in dist/ (the whole package); shared's own test does not import it.
        Assert.That(Selected(Plan(Monorepo, "packages/shared/src/unused.ts")), Is.EqualTo(new[] { "packages/vue/__tests__/e2e/todomvc.spec.ts", "packages/vue/__tests__/index.spec.ts" }));
    }

    [Test]
    public void Plan_AnyChangeInAMonorepo_ReportsThePackageRuleBesideTheGraph()
    {
        var plan = Plan(Monorepo, "packages/vue/src/index.ts");
        Assert.Multiple(() =>
        {
            Assert.That(Selected(plan), Is.EqualTo(new[] { "packages/vue/__tests__/e2e/todomvc.spec.ts", "packages/vue/__tests__/index.spec.ts" }));
            Assert.That(plan.PackageRule, Is.EqualTo(new[] { "packages/vue/__tests__/e2e/todomvc.spec.ts", "packages/vue/__tests__/index.spec.ts" }));
        });
        Assert.That(Plan(Monorepo, "packages/shared/src/index.ts").PackageRule, Has.Count.EqualTo(3), "shared and its dependent vue");
    }

    [Test]
    public void Plan_RootFileNoTestImports_StillRunsEverything()
    {
        var files = new Dictionary<string, string>(Monorepo) { ["scripts/release.ts"] = "export const release = 1;\n" };
        Assert.That(Plan(files, "scripts/release.ts").RunAll, Is.True, "the root package owns it: every package may depend on it");
    }
}
