using Bookiji.Actions.PredictTests.Runners;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Runners;

[TestFixture]
public sealed class RunnerGlobTests
{
    [TestCase("**/*.{test,spec}.?(c|m)[jt]s?(x)", "src/a.test.ts", true)]
    [TestCase("**/*.{test,spec}.?(c|m)[jt]s?(x)", "a.spec.mjs", true)]
    [TestCase("**/*.{test,spec}.?(c|m)[jt]s?(x)", "src/deep/a.test.tsx", true)]
    [TestCase("**/*.{test,spec}.?(c|m)[jt]s?(x)", "src/a.test-d.ts", false)]
    [TestCase("**/*.{test,spec}.?(c|m)[jt]s?(x)", "src/a.bench.ts", false)]
    [TestCase("**/*.case.test.*", "src/router/common.case.test.ts", true)]
    [TestCase("src/**/*.test.ts", "src/x/y.test.ts", true)]
    [TestCase("src/**/*.test.ts", "lib/x/y.test.ts", false)]
    [TestCase("**/__tests__/**/*.?([mc])[jt]s?(x)", "packages/a/__tests__/helpers/util.ts", true)]
    [TestCase("**/?(*.)+(spec|test).?([mc])[jt]s?(x)", "test.js", true)]
    [TestCase("**/?(*.)+(spec|test).?([mc])[jt]s?(x)", "src/a.spec.cjs", true)]
    [TestCase("src/**/(*.)+(spec|test).+(ts|tsx|js)", "src/router/trie/router.test.ts", true)]
    [TestCase("src/**/(*.)+(spec|test).+(ts|tsx|js)", "src/router/common.case.test.ts", true)]
    [TestCase("src/**/(*.)+(spec|test).+(ts|tsx|js)", "src/router/test.ts", false)]
    [TestCase("**/node_modules/**", "node_modules/x/a.test.ts", true)]
    [TestCase("**/.{idea,git,cache,output,temp}/**", "a/.cache/b.test.ts", true)]
    public void Compile_RunnerGlob_MatchesAsPicomatchDoes(string glob, string path, bool matches) =>
        Assert.That(RunnerGlob.Compile(glob)!.IsMatch(path), Is.EqualTo(matches));

    [TestCase("src/[abc")]
    [TestCase("src/{a,b")]
    [TestCase("src/?(a|b")]
    public void Compile_UnbalancedGlob_IsUnreadable(string glob) => Assert.That(RunnerGlob.Compile(glob), Is.Null);
}
