using Bookiji.Actions.PredictTests.History;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>
/// Finding 3 of issue 13 on a small generated app: every test imports a render helper that imports the root
/// <c>App</c>, which imports every feature, so the import graph alone selects every test for any change.
/// Co-change history narrows that to the direct importers, the changed tests and the tests that changed
/// together with the file before; without history everything the graph selects still runs.
/// </summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PredictTestsHubRankingTests
{
    private static readonly string[] Features = ["cart", "search", "profile", "orders", "billing", "settings"];

    [Test]
    public async Task HubApp_WithCoChangeHistory_SelectsDirectImporters_ChangedTests_AndCoChangingTests()
    {
        using var dir = new TemporaryDirectory();
        var repo = await CreateHubAppAsync(dir.Combine("repo"));
        // History: the checkout flow test changed whenever cart changed; search changed with its own test only.
        for (var i = 0; i < HubRanker.MinCommits; i++)
        {
            repo.Write("src/cart.ts", $"export const cart = () => {i + 1};\n")
                .Write("tests/flows/checkout.test.ts", CheckoutTest + $"// round {i}\n");
            await repo.CommitAllAsync($"cart {i}");
            repo.Write("src/search.ts", $"export const search = () => {i + 1};\n").Write("tests/search.test.ts", FeatureTest("search") + $"// round {i}\n");
            await repo.CommitAllAsync($"search {i}");
        }

        repo.Write("src/cart.ts", "export const cart = () => 42;\n").Write("tests/orders.test.ts", FeatureTest("orders") + "// edited\n");
        await repo.CommitAllAsync("cart changes, orders test edited");

        var result = await RunAsync(dir, repo.Path, new Dictionary<string, string> { ["history-commits"] = "500" });
        var ranking = Plan(repo.Path)["ranking"]?.GetValue<string>() ?? string.Empty;
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"), result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "tests/cart.test.ts", "tests/flows/checkout.test.ts", "tests/orders.test.ts" }),
                "the direct importer, the co-changing flow test and the changed test; not the other features' tests reached through the App hub");
            Assert.That(ranking, Does.Contain("selected 8 of 8 tests").And.Contain("Estimated recall 1 (target 0.99)").And.Contain($"the {HubRanker.MinCommits + 1} of the last {(2 * HubRanker.MinCommits) + 1} earlier commits"));
            Assert.That(result.Summary, Does.Contain("Hub ranking"));
        });
    }

    [TestCase("no history")]
    [TestCase("history-commits 0")]
    public async Task HubApp_WithoutHistory_SelectsEveryTestTheGraphReaches_AsBefore(string variant)
    {
        using var dir = new TemporaryDirectory();
        var repo = await CreateHubAppAsync(dir.Combine("repo"));
        if (variant != "no history")
        {
            for (var i = 0; i < 3; i++)
            {
                repo.Write("src/cart.ts", $"export const cart = () => {i + 1};\n").Write("tests/flows/checkout.test.ts", CheckoutTest + $"// round {i}\n");
                await repo.CommitAllAsync($"cart {i}");
            }
        }

        repo.Write("src/cart.ts", "export const cart = () => 42;\n");
        await repo.CommitAllAsync("cart changes");

        var result = await RunAsync(dir, repo.Path, variant == "no history" ? null : new Dictionary<string, string> { ["history-commits"] = "0" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"), result.Log);
            Assert.That(SelectedTests(result), Has.Count.EqualTo(8), "every test reaches cart through the helper and App");
            Assert.That(Plan(repo.Path)["ranking"]?.GetValue<string>(), Does.Contain("so all of them run"));
        });
    }

    [Test]
    public async Task Evaluate_RanksEachCommit_WithOnlyTheCommitsOlderThanIt()
    {
        using var dir = new TemporaryDirectory();
        var repo = await CreateHubAppAsync(dir.Combine("repo"));
        // With the hub commit, MinCommits - 1 earlier co-changes before the second-to-last commit (too few:
        // everything the graph reaches) and MinCommits before the last (ranked) — unless a commit saw itself.
        for (var i = 0; i < HubRanker.MinCommits; i++)
        {
            repo.Write("src/cart.ts", $"export const cart = () => {i + 1};\n").Write("tests/flows/checkout.test.ts", CheckoutTest + $"// round {i}\n");
            await repo.CommitAllAsync($"cart {i}");
        }

        var result = await RunAsync(dir, repo.Path, new Dictionary<string, string> { ["mode"] = "evaluate", ["evaluate-commits"] = "2", ["history-commits"] = "500" });
        var report = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "predict-tests-evaluation.json")))!;
        var selected = report["commits"]!.AsArray().Select(c => c!["selected"]!.GetValue<int>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(selected, Is.EqualTo(new[] { 2, 8 }), "newest: the direct importer and the co-changing flow test; the one before had too little older history");
            Assert.That(report["changeRecall"]!.GetValue<double>(), Is.EqualTo(1));
        });
    }

    private static string FeatureTest(string feature) =>
        $"import {{ render }} from './helpers/render';\nimport {{ {feature} }} from '../src/{feature}';\ntest('{feature}', () => render({feature}));\n";

    private const string CheckoutTest = "import { render } from '../helpers/render';\ntest('checkout', () => render(() => 0));\n";

    private static async Task<GitRepo> CreateHubAppAsync(string path)
    {
        var repo = await GitRepo.InitAsync(path);
        repo.Write("package.json", """{ "name": "hub-app", "private": true }""")
            .Write("src/App.ts", string.Concat(Features.Select(f => $"import {{ {f} }} from './{f}';\n")) + $"export const App = () => [{string.Join(", ", Features)}];\n")
            .Write("tests/helpers/render.ts", "import { App } from '../../src/App';\nexport const render = (f: () => unknown) => [App(), f()];\n")
            .Write("tests/flows/checkout.test.ts", CheckoutTest);
        foreach (var feature in Features)
        {
            repo.Write($"src/{feature}.ts", $"export const {feature} = () => 0;\n").Write($"tests/{feature}.test.ts", FeatureTest(feature));
        }

        repo.Write("tests/smoke.test.ts", "import { render } from './helpers/render';\ntest('smoke', () => render(() => 1));\n");
        await repo.CommitAllAsync("hub app");
        return repo;
    }
}
