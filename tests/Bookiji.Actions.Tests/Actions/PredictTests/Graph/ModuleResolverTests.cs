using System.Text.Json;
using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Graph;

[TestFixture]
public sealed class ModuleResolverTests
{
    private static ModuleResolver Load(Dictionary<string, string> texts, params string[] sources)
    {
        var files = texts.Keys.Concat(sources).ToHashSet(StringComparer.Ordinal);
        return ModuleResolver.Load(files, p => texts.GetValueOrDefault(p), _ => true);
    }

    [Test]
    public void Exports_KeepsEveryConditionsTarget_NestedArraysAndPatterns_ButNotNull()
    {
        using var doc = JsonDocument.Parse("""
            { ".": [{ "worker": { "custom": "./src/worker.ts" } }, "./src/index.ts"],
              "./utils/*": { "import": "./src/utils/*.ts", "default": null },
              "./utils/private/*": null,
              "./legacy/": "./src/legacy/" }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(PackageExports.Targets(doc.RootElement, "."), Is.EqualTo(new[] { "./src/worker.ts", "./src/index.ts" }));
            Assert.That(PackageExports.Targets(doc.RootElement, "./utils/date"), Is.EqualTo(new[] { "./src/utils/date.ts" }));
            Assert.That(PackageExports.Targets(doc.RootElement, "./utils/private/x"), Is.Empty, "the longer pattern wins and excludes");
            Assert.That(PackageExports.Targets(doc.RootElement, "./legacy/a.js"), Is.EqualTo(new[] { "./src/legacy/a.js" }));
            Assert.That(PackageExports.Targets(doc.RootElement, "./missing"), Is.Empty);
        });
    }

    [Test]
    public void SelfReference_Imports_AndExtendedPaths_Resolve()
    {
        var resolver = Load(new Dictionary<string, string>
        {
            ["package.json"] = """{ "name": "lib", "exports": { "./v4": { "lib-source": "./src/v4/index.ts" } }, "imports": { "#util/*": "./src/util/*.ts" } }""",
            ["tsconfig.json"] = """{ "extends": ["@tsconfig/strictest", "./configs/base"], /* comment */ }""",
            ["configs/base.json"] = """{ "compilerOptions": { "paths": { "@/*": ["../src/*"] } } }""",
        }, "src/v4/index.ts", "src/util/date.ts", "src/a.ts");
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveAll("test/a.test.ts", "lib/v4").Files, Is.EqualTo(new[] { "src/v4/index.ts" }));
            Assert.That(resolver.ResolveAll("src/a.ts", "#util/date").Files, Is.EqualTo(new[] { "src/util/date.ts" }));
            Assert.That(resolver.ResolveAll("test/a.test.ts", "@/a").Files, Is.EqualTo(new[] { "src/a.ts" }), "paths relative to the extended config's folder");
            Assert.That(resolver.ResolveAll("src/a.ts", "lib/other"), Is.Not.EqualTo(Resolution.External).And.Property("WholePackage").Not.Null,
                "an unexported subpath of this repository's package still depends on the package");
            Assert.That(resolver.ResolveAll("src/a.ts", "library"), Is.EqualTo(Resolution.External), "a name that only starts like the package is external");
        });
    }

    [Test]
    public void MissingRelativeImport_IsUnresolved_AndLinkedToSameNamedFiles()
    {
        var resolver = Load([], "src/icon.svg.tsx", "src/styles.module.css", "src/a.ts");
        var missing = resolver.ResolveAll("src/a.ts", "./styles");
        Assert.Multiple(() =>
        {
            Assert.That(missing.Unresolved, Is.True);
            Assert.That(missing.Files, Is.EqualTo(new[] { "src/styles.module.css" }));
            Assert.That(resolver.ResolveAll("src/a.ts", "./icon.svg?react").Files, Is.EqualTo(new[] { "src/icon.svg.tsx" }), "a Vite query is dropped before probing");
        });
    }

    [Test]
    public void AliasWeDoNotRead_IsUnresolved_AndLinkedToFilesEndingLikeIt_WhilePackageNamesStayExternal()
    {
        var resolver = Load([], "src/components/Button.tsx", "src/lib/db/index.ts", "src/assets/logo.svg", "other/Button.tsx");
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveAll("src/a.ts", "~/components/Button").Files, Is.EqualTo(new[] { "src/components/Button.tsx" }));
            Assert.That(resolver.ResolveAll("src/a.ts", "$lib/db").Files, Is.EqualTo(new[] { "src/lib/db/index.ts" }));
            Assert.That(resolver.ResolveAll("src/a.ts", "@/assets/logo.svg").Files, Is.EqualTo(new[] { "src/assets/logo.svg" }));
            Assert.That(resolver.ResolveAll("src/a.ts", "~/components/Button").Unresolved, Is.True, "reported");
            Assert.That(resolver.ResolveAll("src/a.ts", "@testing-library/react"), Is.EqualTo(Resolution.External));
            Assert.That(resolver.ResolveAll("src/a.ts", "node:fs"), Is.EqualTo(Resolution.External));
            Assert.That(resolver.ResolveAll("src/a.ts", "react-dom/client"), Is.EqualTo(Resolution.External));
        });
    }

    [Test]
    public void Resolve_DeclarationOnlyModule_IsTheDtsFileButAJsBesideItWins()
    {
        // `./utils` naming utils.d.ts "matched no file" (19 of ~160 such warnings in one repository).
        var resolver = Load([], "src/types.d.ts", "src/lib.js", "src/lib.d.ts", "src/a.ts", "src/esm.d.mts");
        Assert.Multiple(() =>
        {
            Assert.That(resolver.Resolve("src/a.ts", "./types"), Is.EqualTo("src/types.d.ts"));
            Assert.That(resolver.Resolve("src/a.ts", "./types.js"), Is.EqualTo("src/types.d.ts"), "ESM style for a declaration file");
            Assert.That(resolver.Resolve("src/a.ts", "./lib"), Is.EqualTo("src/lib.js"), "what runs is the .js");
            Assert.That(resolver.Resolve("src/a.ts", "./esm.mjs"), Is.EqualTo("src/esm.d.mts"));
        });
    }
}
