using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Graph;

/// <summary>Vite/Vitest resolve.alias and jest moduleNameMapper in their common literal forms (issue 13).</summary>
[TestFixture]
public sealed class RunnerAliasesTests
{
    private static ModuleResolver Load(Dictionary<string, string> files) =>
        ModuleResolver.Load(files.Keys.ToHashSet(StringComparer.Ordinal), f => files.GetValueOrDefault(f), _ => true);

    [Test]
    public void Resolve_ViteAliasObject_PathResolveUrlAndStringForms()
    {
        var resolver = Load(new()
        {
            ["app/vite.config.ts"] = """
                import { fileURLToPath, URL } from 'node:url';
                import path from 'node:path';
                export default defineConfig({
                  resolve: {
                    alias: {
                      '@': fileURLToPath(new URL('./src', import.meta.url)),
                      '~components': path.resolve(__dirname, 'src', 'components'),
                      $lib: '/src/lib',
                      'left-alone': someFunction(),
                    },
                  },
                });
                """,
            ["app/src/store.ts"] = "",
            ["app/src/components/Button.tsx"] = "",
            ["app/src/lib/db.ts"] = "",
            ["app/tests/x.test.ts"] = "",
        });
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveAll("app/tests/x.test.ts", "@/store").Files, Is.EqualTo(new[] { "app/src/store.ts" }));
            Assert.That(resolver.ResolveAll("app/tests/x.test.ts", "~components/Button").Files, Is.EqualTo(new[] { "app/src/components/Button.tsx" }));
            Assert.That(resolver.ResolveAll("app/tests/x.test.ts", "$lib/db").Files, Is.EqualTo(new[] { "app/src/lib/db.ts" }));
            Assert.That(resolver.ResolveAll("app/tests/x.test.ts", "@/store").Unresolved, Is.False);
            Assert.That(resolver.ResolveAll("elsewhere/y.ts", "@/store").Unresolved, Is.True, "outside the config's folder the alias does not apply (linked by its tail, reported)");
        });
    }

    [Test]
    public void Resolve_ViteAliasArray_FindReplacement()
    {
        var resolver = Load(new()
        {
            ["vitest.config.mts"] = """
                export default {
                  resolve: { alias: [
                    { find: '@utils', replacement: path.join(__dirname, 'packages/utils/src') },
                    { find: /^regex$/, replacement: 'ignored' },
                  ] },
                };
                """,
            ["packages/utils/src/bbox.ts"] = "",
        });
        Assert.That(resolver.ResolveAll("tests/a.test.ts", "@utils/bbox").Files, Is.EqualTo(new[] { "packages/utils/src/bbox.ts" }));
    }

    [Test]
    public void Resolve_ViteAliasArray_RegexFinds_ExactAndPrefix()
    {
        // The shape excalidraw's vitest.config.mts uses for its workspace packages.
        var resolver = Load(new()
        {
            ["vitest.config.mts"] = """
                export default defineConfig({
                  resolve: {
                    alias: [
                      { find: /^@excalidraw\/common$/, replacement: path.resolve(__dirname, "./packages/common/src/index.ts") },
                      { find: /^@excalidraw\/common\/(.*?)/, replacement: path.resolve(__dirname, "./packages/common/src/$1") },
                      { find: /^@excalidraw\/element/, replacement: path.resolve(__dirname, "./packages/element/src/index.ts") },
                    ],
                  },
                });
                """,
            ["packages/common/src/index.ts"] = "",
            ["packages/common/src/points.ts"] = "",
            ["packages/element/src/index.ts"] = "",
        });
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveAll("packages/x/tests/a.test.ts", "@excalidraw/common").Files, Is.EqualTo(new[] { "packages/common/src/index.ts" }));
            Assert.That(resolver.ResolveAll("packages/x/tests/a.test.ts", "@excalidraw/common/points").Files, Is.EqualTo(new[] { "packages/common/src/points.ts" }));
            Assert.That(resolver.ResolveAll("packages/x/tests/a.test.ts", "@excalidraw/element").Files, Is.Empty,
                "a pattern without $ and without a capture also matches other names: not read (an unknown package name stays external)");
        });
    }

    [Test]
    public void Resolve_JestModuleNameMapper_InConfigAndPackageJson()
    {
        var resolver = Load(new()
        {
            ["web/jest.config.js"] = """
                module.exports = {
                  moduleNameMapper: {
                    '^@/(.*)$': '<rootDir>/src/$1',
                    '\\.(css|less)$': 'identity-obj-proxy',
                  },
                };
                """,
            ["web/src/api/client.ts"] = "",
            ["api/package.json"] = """{ "name": "api", "jest": { "moduleNameMapper": { "^~/(.*)$": "<rootDir>/lib/$1", "^config$": "<rootDir>/config/index.ts" } } }""",
            ["api/lib/db.ts"] = "",
            ["api/config/index.ts"] = "",
        });
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveAll("web/src/x.test.ts", "@/api/client").Files, Is.EqualTo(new[] { "web/src/api/client.ts" }));
            Assert.That(resolver.ResolveAll("api/tests/x.test.ts", "~/db").Files, Is.EqualTo(new[] { "api/lib/db.ts" }));
            Assert.That(resolver.ResolveAll("api/tests/x.test.ts", "config").Files, Is.EqualTo(new[] { "api/config/index.ts" }));
        });
    }

    [Test]
    public void DependentTests_AliasFromViteConfig_SelectsOnlyTheImporter()
    {
        // Before, '@/store' was linked by its tail to every file named store.*, across the repository.
        var files = new Dictionary<string, string>
        {
            ["app/vite.config.ts"] = "export default { resolve: { alias: { '@': path.resolve(__dirname, './src') } } };",
            ["app/src/store.ts"] = "export const s = 1;",
            ["admin/src/store.ts"] = "export const s = 2;",
            ["app/tests/store.test.ts"] = "import { s } from '@/store';",
            ["admin/tests/store.test.ts"] = "import { s } from '../src/store';",
        };
        var graph = RepositoryScanner.BuildGraph(files.Keys.ToHashSet(StringComparer.Ordinal), f => files.GetValueOrDefault(f));
        Assert.Multiple(() =>
        {
            Assert.That(graph.DependentTests(["admin/src/store.ts"], f => f.EndsWith(".test.ts", StringComparison.Ordinal)).Keys, Is.EqualTo(new[] { "admin/tests/store.test.ts" }));
            Assert.That(graph.DependentTests(["app/src/store.ts"], f => f.EndsWith(".test.ts", StringComparison.Ordinal)).Keys, Is.EqualTo(new[] { "app/tests/store.test.ts" }));
            Assert.That(graph.Unresolved, Is.Empty);
        });
    }

    [Test]
    public void Resolve_SameAliasTwiceWithDifferentTargets_LinksByTailToBoth()
    {
        // Inline workspace projects (or a commented-out older alias) declare '@' twice: neither may win silently.
        var resolver = Load(new()
        {
            ["vitest.workspace.ts"] = """
                export default defineWorkspace([
                  { test: { name: 'a', root: './packages/a' }, resolve: { alias: { '@': path.resolve(__dirname, 'packages/a/src') } } },
                  { test: { name: 'b', root: './packages/b' }, resolve: { alias: { '@': path.resolve(__dirname, 'packages/b/src') } } },
                ]);
                """,
            ["packages/a/src/store.ts"] = "",
            ["packages/b/src/store.ts"] = "",
        });
        var resolution = resolver.ResolveAll("packages/b/tests/x.test.ts", "@/store");
        Assert.Multiple(() =>
        {
            Assert.That(resolution.Files, Does.Contain("packages/b/src/store.ts"));
            Assert.That(resolution.Unresolved, Is.True);
        });
    }

    [Test]
    public void Resolve_AliasClimbingOutOfTheRepository_IsNotRead()
    {
        var resolver = Load(new()
        {
            ["vite.config.ts"] = "export default { resolve: { alias: { '@': path.resolve(__dirname, '../shared/src') } } };",
            ["store.ts"] = "",
            ["lib/store.ts"] = "",
        });
        var resolution = resolver.ResolveAll("tests/x.test.ts", "@/store");
        Assert.Multiple(() =>
        {
            Assert.That(resolution.Unresolved, Is.True, "the target is outside the repository: not the root file of the same name");
            Assert.That(resolution.Files, Is.EquivalentTo(new[] { "store.ts", "lib/store.ts" }));
        });
    }

    [Test]
    public void Resolve_JestRootDirOption_MapperIsNotReadAgainstTheConfigFolder()
    {
        var resolver = Load(new()
        {
            ["jest.config.js"] = "module.exports = { rootDir: 'src', moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' } };",
            ["api/package.json"] = """{ "jest": { "rootDir": "lib", "moduleNameMapper": { "^~/(.*)$": "<rootDir>/$1" } } }""",
            ["utils/x.ts"] = "",
            ["src/utils/x.ts"] = "",
            ["api/db.ts"] = "",
            ["api/lib/db.ts"] = "",
        });
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveAll("src/a.test.ts", "@/utils/x").Files, Does.Contain("src/utils/x.ts"));
            Assert.That(resolver.ResolveAll("api/lib/a.test.ts", "~/db").Files, Does.Contain("api/lib/db.ts"));
        });
    }

    [Test]
    public void Read_ThousandsOfAliasBlocks_ReadsNothing()
    {
        // Each block is scanned to its closing bracket: thousands of unclosed ones would take quadratic time.
        var text = string.Concat(Enumerable.Repeat("alias: { ", 50_000));
        var resolver = Load(new() { ["vite.config.ts"] = text + "alias: { '@': './src' }", ["src/store.ts"] = "" });
        Assert.That(resolver.ResolveAll("tests/x.test.ts", "@/store").Unresolved, Is.True);
    }

    [Test]
    public void Resolve_ViteAliasToAPackageName_StaysExternal()
    {
        var resolver = Load(new()
        {
            ["vite.config.ts"] = "export default { resolve: { alias: { react: 'preact/compat', '@': `${__dirname}/src` } } };",
            ["src/store.ts"] = "",
        });
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveAll("tests/x.test.ts", "react"), Is.EqualTo(Resolution.External).Or.Property("Files").Empty.And.Property("Unresolved").False);
            Assert.That(resolver.ResolveAll("tests/x.test.ts", "@/store").Files, Is.EqualTo(new[] { "src/store.ts" }), "a template literal is not read: linked by its tail");
        });
    }

    [Test]
    public void Resolve_TsConfigAndNearerRunnerAliasDisagree_BothFiles()
    {
        // Vitest applies resolve.alias before tsconfig paths: the runner's file must not be lost to the tsconfig's.
        var resolver = Load(new()
        {
            ["tsconfig.json"] = """{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }""",
            ["app/vite.config.ts"] = "export default { resolve: { alias: { '@': path.resolve(__dirname, 'src') } } };",
            ["src/store.ts"] = "",
            ["app/src/store.ts"] = "",
        });
        Assert.That(resolver.ResolveAll("app/tests/x.test.ts", "@/store").Files, Does.Contain("app/src/store.ts"));
    }

    [Test]
    public void Resolve_AliasPrefixMatchesButTargetMissing_ReportedAndLinkedByTail()
    {
        var resolver = Load(new()
        {
            ["vite.config.ts"] = "export default { resolve: { alias: { utils: path.resolve(__dirname, 'src/utils') } } };",
            ["lib/utils/format.ts"] = "",
        });
        var resolution = resolver.ResolveAll("tests/x.test.ts", "utils/format");
        Assert.Multiple(() =>
        {
            Assert.That(resolution.Unresolved, Is.True, "a package-like alias key whose target is missing is never external");
            Assert.That(resolution.Files, Is.EqualTo(new[] { "lib/utils/format.ts" }));
        });
    }

    [Test]
    public void Resolve_NestedConfigWithoutTheAlias_OuterConfigsAliasStillApplies()
    {
        // packages/web/vitest.config.ts merges the root config (mergeConfig) and adds its own alias.
        var resolver = Load(new()
        {
            ["vite.config.ts"] = "export default { resolve: { alias: { shared: path.resolve(__dirname, 'packages/shared/src') } } };",
            ["packages/web/vitest.config.ts"] = "export default mergeConfig(root, { resolve: { alias: { '@': path.resolve(__dirname, 'src') } } });",
            ["packages/shared/src/format.ts"] = "",
            ["packages/web/src/app.ts"] = "",
        });
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveAll("packages/web/tests/x.test.ts", "shared/format").Files, Is.EqualTo(new[] { "packages/shared/src/format.ts" }));
            Assert.That(resolver.ResolveAll("packages/web/tests/x.test.ts", "@/app").Files, Is.EqualTo(new[] { "packages/web/src/app.ts" }));
        });
    }

    [Test]
    public void Resolve_OverlappingRunnerAliases_IncludesTheFirstDeclaredOnesFile()
    {
        // Vite and jest take the first matching entry in declaration order, not the longest prefix.
        var resolver = Load(new()
        {
            ["vite.config.ts"] = "export default { resolve: { alias: { '@': path.resolve(__dirname, 'src'), '@/components': path.resolve(__dirname, 'src/ui') } } };",
            ["jest.config.js"] = "module.exports = { moduleNameMapper: { '^~/(.*)$': '<rootDir>/src/$1', '^~/components/(.*)$': '<rootDir>/src/ui/$1' } };",
            ["src/components/b.ts"] = "",
            ["src/ui/b.ts"] = "",
        });
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveAll("t/x.test.ts", "@/components/b").Files, Does.Contain("src/components/b.ts"));
            Assert.That(resolver.ResolveAll("t/x.test.ts", "~/components/b").Files, Does.Contain("src/components/b.ts"));
        });
    }
}
