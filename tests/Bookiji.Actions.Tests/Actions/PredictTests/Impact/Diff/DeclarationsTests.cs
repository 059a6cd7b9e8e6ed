using Bookiji.Actions.PredictTests.Impact.Diff;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact.Diff;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DeclarationsTests
{
    [TestCase("function f(a) {\n  return a + 1;\n}\n")]
    [TestCase("/** Doc. */\nexport async function load({ id }: { id: string }) {\n  if (id) { return 1; }\n}\n\nexport interface Shape {\n  kind: 'a' | 'b';\n}\n")]
    [TestCase("export type Pick2<T> = { [K in keyof T]: T[K] };\ntype Fn = (a: string) => void;\n")]
    [TestCase("export const twice = (n: number): number => {\n  return n * 2;\n};\n")]
    [TestCase("// only a comment\n\nfunction g() { const s = '}'; return s; }\n")]
    [TestCase("// @__NO_SIDE_EFFECTS__\nexport function props<Shape extends S>(\n  shape: Shape\n): Check<{ -readonly [k in keyof Shape]: Out<Shape[k]> }>[] {\n  return Object.entries(shape).map(([p, s]) => new Check({ p, s }));\n}\n")]
    [TestCase("function g(): { a: string } | null {\n  return { a: '' };\n}\n")]
    [TestCase("const highSurrogate = /[\\uD800-\\uDBFF]/;\n\nexport function count(str: string): number {\n  return str.length;\n}\n")]
    [TestCase("export const LIMIT = 10;\nexport const NAME: string = 'x';\nlet ready = false\nconst T = `plain`;\n")]
    public void OnlyDeclarations_InsertedDeclarations_AreInert(string text)
    {
        Assert.That(Declarations.OnlyDeclarations(text), Is.True);
    }

    [TestCase("registry.add(plugin);\n")]
    [TestCase("export const limit = computeLimit();\n")]
    [TestCase("export const matches = /a/.test(input);\n")]
    [TestCase("const greeting = `hi ${name}`;\n")]
    [TestCase("export function f(a: string): void;\n")]
    [TestCase("function f() {\n  return 1;\n}\nf();\n")]
    [TestCase("export default function () {}\n")]
    [TestCase("function f() {\n  return 1;\n")]
    [TestCase("  }\n  return x;\n}\n")]
    [TestCase("class A { static { run(); } }\n")]
    [TestCase("")]
    public void OnlyDeclarations_CodeThatRunsOrAFragment_IsNot(string text)
    {
        Assert.That(Declarations.OnlyDeclarations(text), Is.False);
    }

    [Test]
    public void OnlyComments_CommentChanges_AreInertAndCodeIsNot()
    {
        Assert.That(Declarations.OnlyComments("/** Old doc. */\n", "/**\n * New doc.\n */\n// @__NO_SIDE_EFFECTS__\n"), Is.True);
        Assert.That(Declarations.OnlyComments("", "  // annotated\n"), Is.True);
        Assert.That(Declarations.OnlyComments("// a\n", "const a = 1; // a\n"), Is.False);
        Assert.That(Declarations.OnlyComments(null, "// a\n"), Is.False, "text not kept: not judged");
        Assert.That(Declarations.OnlyComments("/// <reference types=\"react/experimental\" />\n", ""), Is.False, "a directive the compiler reads");
        Assert.That(Declarations.OnlyComments("", "/** @jsxImportSource preact */\n"), Is.False, "a pragma that changes emitted code");
    }
}
