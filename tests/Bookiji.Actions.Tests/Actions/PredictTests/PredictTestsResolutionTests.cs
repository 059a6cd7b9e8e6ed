using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>
/// predict-tests on small generated repositories shaped like the ones issue 13 measured: a library whose tests
/// import it by its own name through <c>exports</c>, a workspace monorepo, and test-owned setup/fixture files.
/// Config files are committed first (changing them runs everything); the planned commit changes source only.
/// </summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PredictTestsResolutionTests
{
    [Test]
    public async Task Library_TestsImportingItsOwnName_ThroughExportsWithACustomCondition_AreSelected()
    {
        using var dir = new TemporaryDirectory();
        var repo = await GitRepo.InitAsync(dir.Combine("repo"));
        repo.Write("package.json", """
                { "name": "zodlike", "type": "module",
                  "exports": {
                    ".": { "@zodlike/source": "./src/index.ts", "import": { "types": "./dist/index.d.ts", "default": "./dist/index.js" } },
                    "./v4": { "@zodlike/source": "./src/v4/index.ts", "import": "./dist/v4/index.js", "require": "./dist/v4/index.cjs" },
                    "./package.json": "./package.json"
                  } }
                """)
            .Write("tsconfig.json", """{ "compilerOptions": { "customConditions": ["@zodlike/source"], "strict": true } }""")
            .Write("src/index.ts", "export * from './v4/index.js';\n")
            .Write("src/v4/index.ts", "export { parse } from './core/parse.js';\nexport { format } from './core/format.js';\n")
            .Write("src/v4/core/parse.ts", "export const parse = (s: string) => s;\n")
            .Write("src/v4/core/format.ts", "export const format = (s: string) => s;\n")
            .Write("src/v4/tests/parse.test.ts", "import { parse } from 'zodlike/v4';\ntest('parse', () => parse('x'));\n")
            .Write("src/v4/tests/root.test.ts", "import { parse } from 'zodlike';\ntest('root', () => parse('x'));\n")
            .Write("src/v4/tests/internal.test.ts", "import { parse } from '../core/parse.js';\ntest('internal', () => parse('x'));\n")
            .Write("src/v4/tests/format.test.ts", "import { format } from '../core/format.js';\ntest('format', () => format('x'));\n");
        await repo.CommitAllAsync("library");
        repo.Write("src/v4/core/parse.ts", "export const parse = (s: string) => s.trim();\n");
        await repo.CommitAllAsync("parse trims");

        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"), result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "src/v4/tests/internal.test.ts", "src/v4/tests/parse.test.ts", "src/v4/tests/root.test.ts" }),
                "the self-imports by package name reach the changed file as well as the relative import; the unrelated test stays out");
            Assert.That(result.Summary, Does.Contain("src/v4/index.ts → src/v4/core/parse.ts"));
        });
    }

    [Test]
    public async Task Workspace_ImportByPackageName_ResolvesIntoTheMember_OrDependsOnAllOfIt()
    {
        using var dir = new TemporaryDirectory();
        var repo = await GitRepo.InitAsync(dir.Combine("repo"));
        repo.Write("package.json", """{ "name": "monorepo", "private": true }""")
            .Write("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n")
            .Write("packages/core/package.json", """{ "name": "@acme/core", "main": "dist/index.js" }""")
            .Write("packages/core/src/index.ts", "export { slug } from './slug';\n")
            .Write("packages/core/src/slug.ts", "export const slug = (s: string) => s;\n")
            .Write("packages/ui/package.json", """{ "name": "@acme/ui", "exports": { "./*": "./src/*.tsx" }, "imports": { "#theme": "./src/theme/index.ts" } }""")
            .Write("packages/ui/src/button.tsx", "import { color } from '#theme';\nexport const Button = () => color;\n")
            .Write("packages/ui/src/theme/index.ts", "export const color = 'red';\n")
            .Write("packages/app/package.json", """{ "name": "@acme/app", "private": true }""")
            .Write("packages/app/tsconfig.json", """{ "extends": "./tsconfig.base.json" }""")
            .Write("packages/app/tsconfig.base.json", """{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["src/*"] } } }""")
            .Write("packages/app/src/page.ts", "import { slug } from '@acme/core';\nexport const page = () => slug('a');\n")
            .Write("packages/app/tests/page.test.ts", "import { page } from '~/page';\ntest('page', () => page());\n")
            .Write("packages/app/tests/button.test.ts", "import { Button } from '@acme/ui/button';\ntest('button', () => Button());\n")
            .Write("packages/app/tests/other.test.ts", "test('other', () => {});\n");
        await repo.CommitAllAsync("workspace");
        repo.Write("packages/core/src/slug.ts", "export const slug = (s: string) => s.toLowerCase();\n")
            .Write("packages/ui/src/theme/index.ts", "export const color = 'blue';\n");
        await repo.CommitAllAsync("core and theme");

        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"), result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "packages/app/tests/button.test.ts", "packages/app/tests/page.test.ts" }),
                "page through tsconfig extends + @acme/core (main in dist/: the whole package), button through exports patterns and #imports");
            Assert.That(result.Summary, Does.Contain("@acme/core (whole package packages/core/)"));
        });
    }

    [TestCase("{ '~': '/src' }", false, TestName = "ChangedFileReachedRelativelyByOneTest_AndThroughAViteAliasByAnother_SelectsBoth")]
    [TestCase("makeAliases()", true, TestName = "ChangedFileReachedRelativelyByOneTest_AndThroughAnUnreadAliasByAnother_SelectsBoth_AndWarns")]
    public async Task Plan_ChangedFileReachedThroughAnAlias_SelectsBoth(string alias, bool unread)
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("vite.config.ts", $"export default {{ resolve: {{ alias: {alias} }} }};\n")
            .Write("tests/unit/search-alias.spec.ts", "import { search } from '~/search';\ntest('alias', () => search());\n");
        await repo.CommitAllAsync("vite alias");
        repo.Write("src/search/index.ts", "export const search = () => [2];\n");
        await repo.CommitAllAsync("search");

        var result = await RunAsync(dir, repo.Path);
        var warnings = Plan(repo.Path)["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/unit/search-alias.spec.ts", "tests/unit/search.spec.ts" }), result.Log);
            Assert.That(warnings.Any(w => w.Contains("'~/search' in tests/unit/search-alias.spec.ts", StringComparison.Ordinal)), Is.EqualTo(unread),
                "a read alias resolves; an unread one is reported and linked by its tail");
        });
    }

    [Test]
    public async Task Plan_MissingRelativeImport_IsReportedAsAWarning()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("tests/unit/broken.spec.ts", "import { gone } from '../helpers/gone';\ntest('gone', () => gone());\n");
        await repo.CommitAllAsync("broken import");
        repo.Write("src/search/index.ts", "export const search = () => [1];\n");
        await repo.CommitAllAsync("search");

        var result = await RunAsync(dir, repo.Path);
        var warnings = Plan(repo.Path)["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.That(warnings, Has.Some.Contains("'../helpers/gone' in tests/unit/broken.spec.ts"), result.Log);
    }

    [Test]
    public async Task SetupFileNamedInTheVitestConfig_AndWhatItImports_RunEverything()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("vitest.config.ts", "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { setupFiles: ['./tests/setup.ts'], globalSetup: 'tests/global.ts' } });\n")
            .Write("tests/setup.ts", "import './helpers/matchers';\n")
            .Write("tests/helpers/matchers.ts", "export {};\n")
            .Write("tests/global.ts", "export default () => {};\n");
        await repo.CommitAllAsync("vitest");
        repo.Write("tests/helpers/matchers.ts", "export const extra = 1;\n");
        await repo.CommitAllAsync("matchers");

        var result = await RunAsync(dir, repo.Path);
        var reasons = Plan(repo.Path)["runAllReasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"), result.Log);
            Assert.That(reasons, Has.Some.Contains("tests/helpers/matchers.ts: imported by tests/setup.ts, a setup file named in vitest.config.ts"));
        });
    }

    [Test]
    public async Task Plan_SetupFileOfAWorkspacePackagesConfig_SelectsThatPackagesTests()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("packages/widget/vite.config.ts", "export default { test: { setupFiles: ['./test-setup.ts'] } };\n")
            .Write("packages/widget/test-setup.ts", "import './tests/mocks/dom';\n")
            .Write("packages/widget/tests/mocks/dom.ts", "export {};\n")
            .Write("packages/widget/tests/widget.test.ts", "test('widget', () => {});\n");
        await repo.CommitAllAsync("widget");
        repo.Write("packages/widget/tests/mocks/dom.ts", "export const dom = 1;\n");
        await repo.CommitAllAsync("dom mock");

        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"), result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "packages/widget/tests/widget.test.ts" }));
        });
    }

    [Test]
    public async Task Plan_GlobalSetupFile_RunsEverything()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("jest.config.js", "module.exports = { globalSetup: '<rootDir>/tests/global.ts' };\n")
            .Write("tests/global.ts", "export default () => {};\n");
        await repo.CommitAllAsync("jest");
        repo.Write("tests/global.ts", "export default async () => {};\n");
        await repo.CommitAllAsync("global");

        var result = await RunAsync(dir, repo.Path);
        Assert.That(Plan(repo.Path)["runAllReasons"]!.AsArray().Select(r => r!.GetValue<string>()), Has.Some.Contains("tests/global.ts: a setup file named in jest.config.js"), result.Log);
    }

    [Test]
    public async Task HelperAndFixture_SelectTheTestsThatUseThem_NotEverything()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("tests/e2e/helpers/login.ts", "export const login = () => {};\n")
            .Write("tests/e2e/auth.spec.ts", "import { login } from './helpers/login';\ntest('login', () => login());\n")
            .Write("tests/unit/fixtures/prices.json", "[1, 2]\n");
        await repo.CommitAllAsync("helper and fixture");
        repo.Write("tests/e2e/helpers/login.ts", "export const login = () => 1;\n")
            .Write("tests/unit/fixtures/prices.json", "[1, 2, 3]\n");
        await repo.CommitAllAsync("helper and fixture change");

        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"), result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/e2e/auth.spec.ts", "tests/unit/format.spec.ts", "tests/unit/search.spec.ts" }),
                "the helper selects its importer; the fixture (read through fs) the tests of its folder");
        });
    }
}
