using Bookiji.Actions.PredictTests.Planning;
using Bookiji.Actions.PredictTests.Runners;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Runners;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TestRunnersTests
{
    private static IReadOnlyDictionary<string, string> Detect(Dictionary<string, string> files, params string[] tests) =>
        TestRunners.Detect(tests, files.Keys.ToHashSet(StringComparer.Ordinal), f => files.GetValueOrDefault(f));

    [Test]
    public void Detect_ImportsDecide_DirectlyOrThroughALocalHelper()
    {
        var runners = Detect(new()
        {
            ["e2e/fixtures.ts"] = "import { test as base } from '@playwright/test';\nexport const test = base;",
            ["e2e/a.spec.ts"] = "import { test } from './fixtures';",
            ["src/b.test.ts"] = "import { it } from 'vitest';",
            ["src/c.test.ts"] = "import { expect } from '@jest/globals';",
        }, "e2e/a.spec.ts", "src/b.test.ts", "src/c.test.ts");
        Assert.That(runners, Is.EquivalentTo(new Dictionary<string, string> { ["e2e/a.spec.ts"] = "playwright", ["src/b.test.ts"] = "vitest", ["src/c.test.ts"] = "jest" }));
    }

    [Test]
    public void Detect_CommentsNeverDecide_TheDeclaredUnitRunnerDoes()
    {
        var runners = Detect(new()
        {
            ["package.json"] = """{ "devDependencies": { "vitest": "3", "@playwright/test": "1" } }""",
            ["src/a.test.ts"] = "// import { test } from '@playwright/test'\n/* from '@playwright/test' */\nconst url = 'http://x//y';\nit('works', () => {});",
        }, "src/a.test.ts");
        Assert.That(runners["src/a.test.ts"], Is.EqualTo("vitest"), "a commented import is not an import; globals tests belong to the declared unit runner");
    }

    [Test]
    public void Detect_PlaywrightTestDir_ClaimsItsFiles_AndTwoUnitRunnersLeaveTheRestUnknown()
    {
        var runners = Detect(new()
        {
            ["playwright.config.ts"] = "export default { testDir: './tests/e2e' /* testDir: 'other' */ };",
            ["jest.config.js"] = "module.exports = {};",
            ["vitest.config.ts"] = "export default {};",
            ["tests/e2e/a.spec.ts"] = "test('a', () => {});",
            ["src/b.test.ts"] = "test('b', () => {});",
        }, "tests/e2e/a.spec.ts", "src/b.test.ts");
        Assert.Multiple(() =>
        {
            Assert.That(runners["tests/e2e/a.spec.ts"], Is.EqualTo("playwright"));
            Assert.That(runners["src/b.test.ts"], Is.EqualTo("unknown"), "jest and vitest both declared: not guessed");
        });
    }

    [Test]
    public void BalanceByRunner_ShardsNeverMixRunners_AndEachRunnerGetsOne()
    {
        var runner = new Dictionary<string, string> { ["a.spec.ts"] = "playwright", ["b.spec.ts"] = "playwright", ["c.spec.ts"] = "playwright", ["x.test.ts"] = "vitest" };
        var shards = ShardBalancer.BalanceByRunner([.. runner.Keys], 3, _ => 10, t => runner[t]);
        Assert.Multiple(() =>
        {
            Assert.That(shards.Select(s => s.Tests.Select(t => runner[t]).Distinct().Count()), Has.All.EqualTo(1));
            Assert.That(shards.Select(s => (s.Runner, s.RunnerShard, s.RunnerShards)), Is.EqualTo(new[] { ("playwright", 1, 2), ("playwright", 2, 2), ("vitest", 1, 1) }));
            Assert.That(shards.Select(s => s.Index), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(ShardBalancer.BalanceByRunner([.. runner.Keys], 1, _ => 10, t => runner[t]), Has.Count.EqualTo(2), "two runners need two shards even at max-shards 1");
        });
    }
}
