using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Graph;

[TestFixture]
public sealed class ModuleAnalyzerTests
{
    /// <summary>What the file takes from a specifier over all its statements: null as soon as one takes it whole.</summary>
    private static IReadOnlyList<string>? NamesOf(ModuleFacts facts, string specifier)
    {
        var uses = facts.Imports.Where(i => i.Specifier == specifier).ToList();
        Assert.That(uses, Is.Not.Empty, specifier);
        return uses.Any(u => u.Names is null) ? null : [.. uses.SelectMany(u => u.Names!).Distinct().Order(StringComparer.Ordinal)];
    }

    [Test]
    public void Analyze_NamedAndDefaultImports_KeepTheNamesTaken()
    {
        var facts = ModuleAnalyzer.Analyze("""
            import a, { b as c, type D } from './x';
            import type { E } from "./types";
            import {
              f, // the one we need
              /* and */ g,
            } from '@/lib';
            """);
        Assert.Multiple(() =>
        {
            Assert.That(NamesOf(facts, "./x"), Is.EqualTo(new[] { "D", "b", "default" }));
            Assert.That(NamesOf(facts, "./types"), Is.EqualTo(new[] { "E" }));
            Assert.That(NamesOf(facts, "@/lib"), Is.EqualTo(new[] { "f", "g" }), "comments inside the braces");
            Assert.That(facts.IsBarrel, Is.False);
        });
    }

    [Test]
    public void Analyze_NamespaceSideEffectRequireMockAndStar_TakeTheWholeModule()
    {
        var facts = ModuleAnalyzer.Analyze("""
            import * as ns from './ns';
            import './side-effect';
            import { named } from './mocked';
            vi.mock('./mocked');
            const r = require('./required');
            const d = await import('./dynamic');
            export * from './star';
            export * as grouped from './grouped';
            import x, * as y from './mixed';
            """);
        Assert.Multiple(() =>
        {
            foreach (var specifier in new[] { "./ns", "./side-effect", "./mocked", "./required", "./dynamic", "./star", "./grouped", "./mixed" })
            {
                Assert.That(NamesOf(facts, specifier), Is.Null, specifier);
            }
        });
    }

    [Test]
    public void Analyze_Barrel_IsNothingButReExports()
    {
        var barrel = ModuleAnalyzer.Analyze("""
            'use client';
            /* istanbul ignore file */
            export { a, b as bee } from './a';
            export type { T } from './types';
            export * from './star';
            export * as ns from './ns';
            export { default as Widget, default } from './widget'
            """);
        var notBarrel = ModuleAnalyzer.Analyze("""
            export { a } from './a';
            export const extra = 1;
            """);
        var sideEffect = ModuleAnalyzer.Analyze("""
            import './polyfill';
            export { a } from './a';
            """);
        Assert.Multiple(() =>
        {
            Assert.That(barrel.IsBarrel, Is.True);
            Assert.That(barrel.ReExports, Has.Count.EqualTo(5));
            Assert.That(barrel.ReExports[0].Names, Is.EqualTo(new Dictionary<string, string> { ["a"] = "a", ["bee"] = "b" }));
            Assert.That(barrel.ReExports[2].IsStar, Is.True);
            Assert.That(barrel.ReExports[3].Names, Is.EqualTo(new Dictionary<string, string> { ["ns"] = "*" }));
            Assert.That(barrel.ReExports[4].Names, Is.EqualTo(new Dictionary<string, string> { ["Widget"] = "default", ["default"] = "default" }));
            Assert.That(notBarrel.IsBarrel, Is.False, "a declaration besides the re-exports");
            Assert.That(sideEffect.IsBarrel, Is.False, "a side-effect import");
        });
    }

    [Test]
    public void Analyze_LocalExports_EveryDeclarationForm()
    {
        var facts = ModuleAnalyzer.Analyze("""
            export const a = 1;
            export async function b() {}
            export function* gen() {}
            export abstract class C {}
            export interface I {}
            export type T = string;
            export const enum E { X }
            export declare let dl: number;
            const hidden = 2, other = 3;
            export { hidden as shown, other };
            export default class {}
            """);
        Assert.That(facts.LocalExports.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "C", "E", "I", "T", "a", "b", "default", "dl", "gen", "other", "shown" }));
    }

    [Test]
    public void Analyze_ProseFullOfImportWordsInComments_EndsAndKeepsRealImports()
    {
        // Shaped like zod's locale-treeshake.test.ts, where a backtracking pattern took seconds per file.
        var prose = string.Concat(Enumerable.Repeat("// `import z from \"zod\"` used to pull all 53 locale modules, because `export default z` made the default\n", 40));
        var facts = ModuleAnalyzer.Analyze("import { describe } from \"vitest\";\n" + prose + "import { existsSync } from \"node:fs\";\n");
        Assert.Multiple(() =>
        {
            Assert.That(NamesOf(facts, "vitest"), Is.EqualTo(new[] { "describe" }));
            Assert.That(NamesOf(facts, "node:fs"), Is.EqualTo(new[] { "existsSync" }));
        });
    }
}
