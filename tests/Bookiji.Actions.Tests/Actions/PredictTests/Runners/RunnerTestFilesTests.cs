using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Planning;
using Bookiji.Actions.PredictTests.Runners;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Runners;

[TestFixture]
public sealed class RunnerTestFilesTests
{
    private static IReadOnlySet<string> NotRun(Dictionary<string, string> files, Func<string, bool>? keep = null)
    {
        var candidates = PlanRules.Defaults().TestFiles.MatchAll(files.Keys);
        return RunnerTestFiles.NotRun(candidates, files.Keys, files.GetValueOrDefault, keep ?? (_ => false));
    }

    [Test]
    public void NotRun_VitestDefaults_LeaveOutTypeTestsNoScriptRuns()
    {
        var files = new Dictionary<string, string>
        {
            ["vitest.config.ts"] = "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { environment: 'node' } });",
            ["src/a.test.ts"] = "",
            ["src/types.test-d.ts"] = "",
        };
        Assert.That(NotRun(files), Is.EquivalentTo(new[] { "src/types.test-d.ts" }));
    }

    [Test]
    public void NotRun_SharedSuiteTheConfigExcludes_IsAHelper()
    {
        var files = new Dictionary<string, string>
        {
            ["vitest.config.ts"] = """
                import { configDefaults, defineConfig } from 'vitest/config';
                export default defineConfig({
                  plugins: [dts({ include: ['src'] })],
                  test: {
                    include: ['src/**/*.test.ts'], // every unit test
                    exclude: [...configDefaults.exclude, '**/*.case.test.*'],
                    coverage: { include: ['src/**'], exclude: ['src/**/*.test.ts'] },
                  },
                });
                """,
            ["src/router/common.case.test.ts"] = "",
            ["src/router/reg-exp/router.test.ts"] = "",
            ["e2e/flow.test.ts"] = "",
        };
        Assert.That(NotRun(files), Is.EquivalentTo(new[] { "src/router/common.case.test.ts", "e2e/flow.test.ts" }),
            "the plugin's and coverage's include are not the test include; e2e/ is outside test.include");
    }

    [Test]
    public void NotRun_ExcludedButAnotherRunnerClaimsIt_StaysATest()
    {
        var files = new Dictionary<string, string>
        {
            ["vitest.config.ts"] = "export default { test: { exclude: ['e2e/**'] } };",
            ["e2e/home.spec.ts"] = "",
            ["src/a.spec.ts"] = "",
        };
        Assert.That(NotRun(files, keep: t => t.StartsWith("e2e/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void NotRun_NearestConfigDecides_AndOneThisReaderCannotReadDecidesNothing()
    {
        var files = new Dictionary<string, string>
        {
            ["vitest.config.ts"] = "export default { test: { include: ['packages/**/*.test.ts'] } };",
            ["packages/a/vitest.config.ts"] = "export default { test: { include: computeIncludes() } };",
            ["packages/a/src/x.test-d.ts"] = "",
            ["packages/b/src/y.test-d.ts"] = "",
        };
        Assert.That(NotRun(files), Is.EquivalentTo(new[] { "packages/b/src/y.test-d.ts" }));
    }

    [Test]
    public void NotRun_VitestProjects_AFileAnyInlineProjectTakesIsATest()
    {
        // honojs/hono's shape: a root test block with coverage settings and projects, one of them excluding the
        // shared *.case.test.* suites, another running the DOM tests, and a project named by its config's path.
        var files = new Dictionary<string, string>
        {
            ["vitest.config.ts"] = """
                import { configDefaults, defineConfig } from 'vitest/config'
                export default defineConfig({
                  test: {
                    globals: true,
                    coverage: { exclude: [...(configDefaults.coverage.exclude ?? []), 'benchmarks'] },
                    projects: [
                      './runtime-tests/*/vitest.config.ts',
                      {
                        extends: true,
                        test: {
                          exclude: [...configDefaults.exclude, '**/sandbox/**', '**/*.case.test.*'],
                          include: ['src/**/(*.)+(spec|test).+(ts|tsx|js)'],
                          name: 'main',
                        },
                      },
                      { extends: true, test: { include: ['src/jsx/dom/**/(*.)+(spec|test).+(ts|tsx|js)'], name: 'dom' } },
                    ],
                  },
                })
                """,
            ["src/router/common.case.test.ts"] = "",
            ["src/router/trie/router.test.ts"] = "",
            ["src/jsx/dom/render.test.tsx"] = "",
            ["src/sandbox/x.test.ts"] = "",
            ["runtime-tests/deno/vitest.config.ts"] = "export default { test: { include: ['**/*.test.ts'] } };",
            ["runtime-tests/deno/a.test.ts"] = "",
        };
        Assert.That(NotRun(files), Is.EquivalentTo(new[] { "src/router/common.case.test.ts", "src/sandbox/x.test.ts" }));
    }

    [TestCase("""{ "name": "app", "jest": { "testMatch": ["<rootDir>/src/**/*.{spec,test}.{js,ts}"] } }""", "scripts/a.test.js")]
    [TestCase("""{ "name": "app", "jest": { "testPathIgnorePatterns": ["<rootDir>/lib/"] } }""", "lib/a.test.js")]
    public void NotRun_JestRootDir_IsTheConfigsFolder(string manifest, string notRun)
    {
        var files = new Dictionary<string, string> { ["package.json"] = manifest, ["src/a.test.js"] = "", ["src/lib/format.test.js"] = "", [notRun] = "" };
        Assert.That(NotRun(files), Is.EquivalentTo(new[] { notRun }), "<rootDir>/lib/ is the root's lib/, not src/lib/");
    }

    [TestCase("jest.config.js", "module.exports = { testRegex: '(/__tests__/.*|(\\\\.|/)(test|spec))\\\\.[jt]sx?$' };")]
    [TestCase("jest.config.js", "module.exports = { testRegex: /\\.spec\\.js$/ };")]
    [TestCase("jest.config.js", "const base = require('../../jest.base');\nmodule.exports = { ...base, testMatch: ['**/*.spec.js'] };")]
    [TestCase("jest.config.js", "module.exports = { preset: 'ts-jest', testMatch: ['**/*.spec.js'] };")]
    [TestCase("vitest.config.ts", "export default defineConfig({ ...base, test: { include: ['src/**/*.spec.ts'] } });")]
    [TestCase("vitest.config.ts", "export default defineConfig({ test: sharedTest });")]
    [TestCase("vitest.config.ts", "export default defineConfig({ plugins: [p({ test: { enabled: true } })], test: { include: ['tests/**/*.ts'] } });")]
    [TestCase("vitest.config.ts", "export default defineConfig({ test: { typecheck: { enabled: true }, include: ['src/**/*.spec.ts'] } });")]
    [TestCase("vitest.config.ts", "export default defineConfig({ test: { projects: ['packages/*'] } });")]
    public void NotRun_ConfigThisReaderCannotFollow_DecidesNothing(string name, string text)
    {
        var files = new Dictionary<string, string> { [name] = text, ["tests/x.test.js"] = "", ["src/y.test-d.ts"] = "", ["packages/a/src/z.test.ts"] = "" };
        Assert.That(NotRun(files), Is.Empty);
    }

    [Test]
    public void NotRun_IncludeWithBracesAndBrackets_IsReadWhole()
    {
        var files = new Dictionary<string, string>
        {
            ["vitest.config.ts"] = "export default { test: { include: ['src/**/*.{test,spec}.?(c|m)[jt]s?(x)'] } };",
            ["src/a.spec.tsx"] = "",
            ["e2e/b.spec.ts"] = "",
        };
        Assert.That(NotRun(files), Is.EquivalentTo(new[] { "e2e/b.spec.ts" }));
    }

    [Test]
    public void NotRun_JestTestPathIgnorePatternsInPackageJson_LeavesThoseOut()
    {
        var files = new Dictionary<string, string>
        {
            ["package.json"] = """{ "name": "app", "jest": { "testPathIgnorePatterns": ["/node_modules/", "/fixtures/"] } }""",
            ["src/a.test.js"] = "",
            ["src/fixtures/sample.test.js"] = "",
        };
        Assert.That(NotRun(files), Is.EquivalentTo(new[] { "src/fixtures/sample.test.js" }));
    }

    [Test]
    public void Plan_ChangedSuiteTheRunnerExcludes_SelectsTheTestsThatImportIt()
    {
        // The suite matched the action's globs, so its change selected only itself — a test no runner runs.
        var files = new Dictionary<string, string>
        {
            ["package.json"] = """{ "name": "router-lib" }""",
            ["vitest.config.ts"] = "export default { test: { exclude: ['**/*.case.test.*', 'node_modules/**'] } };",
            ["src/router/common.case.test.ts"] = "export const runTests = () => {};\n",
            ["src/router/trie/router.test.ts"] = "import { runTests } from '../common.case.test';\nrunTests();\n",
            ["src/router/linear/router.test.ts"] = "import { runTests } from '../common.case.test';\nrunTests();\n",
            ["src/util.ts"] = "export const u = 1;\n",
            ["src/util.test.ts"] = "import { u } from './util';\ntest('u', () => u);\n",
        };
        var set = files.Keys.ToHashSet(StringComparer.Ordinal);
        var notTests = RunnerTestFiles.NotRun(PlanRules.Defaults().TestFiles.MatchAll(set), set, files.GetValueOrDefault, _ => false);
        var allTests = PlanRules.Defaults().TestFiles.MatchAll(set);
        allTests.ExceptWith(notTests);
        var plan = TestPlanner.Plan(new PlanInput
        {
            Changes = new ChangeSet([new ChangedFile("src/router/common.case.test.ts", ChangeKind.Modified)], "t", true, []),
            AllTests = allTests,
            NotTests = notTests,
            Graph = RepositoryScanner.BuildGraph(set, files.GetValueOrDefault),
        }, PlanRules.Defaults());
        Assert.That(plan.Tests.Select(t => t.Path).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "src/router/linear/router.test.ts", "src/router/trie/router.test.ts" }));
    }
}
