using System.IO.Compression;
using System.Text.Json.Nodes;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact;

/// <summary>
/// Learn, plan and evaluate with impact data through the local runner, on coverage the real vitest wrote. The shop's
/// tests are hub-shaped (a whole-app render, namespace imports): by imports every change selects all four tests.
/// </summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ImpactVitestTests
{
    private readonly TemporaryDirectory root = new("impact");
    private string origin = string.Empty;
    private ActionRunResult learnt = null!;

    [OneTimeSetUp]
    public async Task LearnOnceAsync()
    {
        origin = root.Combine("origin");
        await ShopRepository.CreateAsync(origin);
        await ShopRepository.RunVitestPerFileAsync(origin);
        learnt = await RunAsync(origin, new() { ["mode"] = "learn", ["test-results"] = "reports/**/*.json" });
    }

    [OneTimeTearDown]
    public void Cleanup() => root.Dispose();

    [Test]
    public void Learn_VitestCoverage_RecordsEveryTestAndTheFilesItExecuted()
    {
        Assert.That(learnt.ExitCode, Is.EqualTo(0), learnt.Log);
        Assert.That(learnt.Outputs["impact-data-path"], Is.EqualTo(ShopRepository.ImpactData));
        var data = ReadData(origin);
        Assert.That(data["tests"]!.AsArray().Select(t => (string)t!["path"]!), Is.EqualTo(ShopRepository.Tests));
        Assert.That(data["files"]!.AsArray().Select(f => (string)f!["path"]!), Is.EqualTo(new[] { "src/app.js", "src/cart.js", "src/format.js", "src/index.js", "src/store.js" }));
        Assert.That(data["tests"]!.AsArray().Select(t => (string)t!["outcomes"]!), Is.All.EqualTo("p"), "each vitest JSON report said passed");
        Assert.That(learnt.Summary, Does.Contain("Impact data learnt"));
    }

    [Test]
    public async Task Plan_ChangeInsideOneFunction_SelectsOnlyTheTestsThatExecutedIt()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        repo.Write("src/format.js", ShopRepository.Format.Replace("slice(0, 10)", "slice(0, 10).trim()", StringComparison.Ordinal));
        await repo.CommitAllAsync("date change");

        var withData = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });
        var importsOnly = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1", ["impact-data"] = "no/such/data.json.gz", ["plan-file"] = "imports-only.json" });

        Assert.That(PredictTestsHarness.SelectedTests(withData), Is.EqualTo(new[] { "tests/date.test.js" }), withData.Log);
        Assert.That(PredictTestsHarness.SelectedTests(importsOnly), Is.EqualTo(ShopRepository.Tests), "by imports alone, the hubs select every test");
        var plan = PredictTestsHarness.Plan(repo.Path);
        Assert.That((string)plan["selected"]![0]!["because"]!, Is.EqualTo("executes src/format.js:7, changed"));
        Assert.That((string)plan["impact"]!["files"]![0]!["evidence"]!, Is.EqualTo("lines"));
        Assert.That(withData.Summary, Does.Contain("Impact data:").And.Contain("decided 1 of 1"));
        Assert.That(importsOnly.Annotations("warning").Select(a => a.Message), Has.Some.Contain("No impact data at no/such/data.json.gz"), "an impact-data path that was set but is missing is said");
    }

    [Test]
    public async Task Plan_ImportedNameAddedAndUsedInOneFunction_SelectsThatFunctionsCallersOnly()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        var cart = File.ReadAllText(Path.Combine(repo.Path, "src/cart.js"));
        repo.Write("src/cart.js", cart
            .Replace("import { formatPrice } from './format.js';", "import { formatPrice, formatDate } from './format.js';", StringComparison.Ordinal)
            .Replace("{ name, cents }", "{ name, cents, at: formatDate(0) }", StringComparison.Ordinal));
        await repo.CommitAllAsync("stamp items");

        var result = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(new[] { "tests/app.test.js", "tests/cart.test.js" }),
            "the import line only binds a name (every test loads cart.js through the index); addItem's callers decide: " + result.Log);
        var plan = PredictTestsHarness.Plan(repo.Path);
        Assert.That((string)plan["impact"]!["files"]![0]!["evidence"]!, Is.EqualTo("lines"));
    }

    [Test]
    public async Task Plan_WholeAppRender_SelectedOnlyForTheCodeItRuns()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        var cart = File.ReadAllText(Path.Combine(repo.Path, "src/cart.js"));
        repo.Write("src/cart.js", cart.Replace("sum + item.cents, 0", "sum + item.cents, 0 + 0", StringComparison.Ordinal));
        await repo.CommitAllAsync("total change");

        var result = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(new[] { "tests/app.test.js" }), "only the app render calls cartTotal");
    }

    [Test]
    public async Task Plan_FileChangedSinceTheAnalysis_MapsTheHunkThroughThatDrift()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        var drifted = "// Formatting helpers.\n// Prices are in cents.\n" + ShopRepository.Format;
        repo.Write("src/format.js", drifted);
        await repo.CommitAllAsync("on main after the analysis");
        repo.Write("src/format.js", drifted.Replace("toUpperCase()", "toLocaleUpperCase()", StringComparison.Ordinal));
        await repo.CommitAllAsync("shout change");

        var result = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(new[] { "tests/shout.test.js" }), result.Log);
        var file = PredictTestsHarness.Plan(repo.Path)["impact"]!["files"]![0]!;
        Assert.That((string)file["evidence"]!, Is.EqualTo("lines"));
        Assert.That((string)file["note"]!, Does.Contain("1 mapped through drift"));
        Assert.That((int)PredictTestsHarness.Plan(repo.Path)["impact"]!["ageCommits"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task Plan_HunkInARegionChangedSinceTheAnalysis_IsPlacedByTheFunctionStillHoldingIt()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        var drifted = ShopRepository.Format.Replace("toUpperCase()", "toLocaleUpperCase()", StringComparison.Ordinal);
        repo.Write("src/format.js", drifted);
        await repo.CommitAllAsync("on main after the analysis");
        repo.Write("src/format.js", drifted.Replace("toLocaleUpperCase()", "toLocaleUpperCase('en')", StringComparison.Ordinal));
        await repo.CommitAllAsync("the same line again");

        var result = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(new[] { "tests/shout.test.js" }), "shout's first and last lines are where they were");
        var file = PredictTestsHarness.Plan(repo.Path)["impact"]!["files"]![0]!;
        Assert.That((string)file["evidence"]!, Is.EqualTo("lines"));
        Assert.That((string)file["note"]!, Does.Contain("1 in a drifted region placed by the function holding it"));
    }

    [Test]
    public async Task Plan_AnalysedCommitNotInTheClone_DriftedFileFallsBackToFileLevel()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        RewriteData(repo.Path, data => data["commit"] = new string('a', 40));
        var drifted = "// moved on\n" + ShopRepository.Format;
        repo.Write("src/format.js", drifted);
        await repo.CommitAllAsync("on main");
        repo.Write("src/format.js", drifted.Replace("toUpperCase()", "toLocaleUpperCase()", StringComparison.Ordinal));
        await repo.CommitAllAsync("shout change");

        var result = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(ShopRepository.Tests));
        Assert.That((string)PredictTestsHarness.Plan(repo.Path)["impact"]!["files"]![0]!["note"]!, Does.Contain("not in this clone"));
    }

    [Test]
    public async Task Plan_NewFunctionAndItsCaller_SelectsTheCallersTestsOnly()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        repo.Write("src/format.js", ShopRepository.Format.Replace("return upper + '!';", "return bang(upper);", StringComparison.Ordinal) + "\nfunction bang(text) {\n  return text + '!';\n}\n");
        await repo.CommitAllAsync("new function");

        var result = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(new[] { "tests/shout.test.js" }), "the new function runs nothing until shout calls it");
        Assert.That((string)PredictTestsHarness.Plan(repo.Path)["impact"]!["files"]![0]!["note"]!, Does.Contain("1 only adding declarations"));
    }

    [Test]
    public async Task Plan_NewTopLevelStatement_SelectsEveryTestExecutingTheFile()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        repo.Write("src/format.js", ShopRepository.Format + "\nglobalThis.formatLoaded = true;\n");
        await repo.CommitAllAsync("top-level statement");

        var result = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(ShopRepository.Tests), "it runs at import, in every test that loads format.js");
        Assert.That((string)PredictTestsHarness.Plan(repo.Path)["impact"]!["files"]![0]!["evidence"]!, Is.EqualTo("file"));
    }

    [Test]
    public async Task Plan_FileTheDataDoesNotKnow_UsesTheImportGraph()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        repo.Write("src/tax.js", "export const rate = 0.2;\n").Write("src/index.js", "export * from './cart.js';\nexport * from './format.js';\nexport * from './store.js';\nexport * from './tax.js';\n");
        await repo.CommitAllAsync("tax, after the analysis");
        repo.Write("src/tax.js", "export const rate = 0.25;\n");
        await repo.CommitAllAsync("tax change");

        var result = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(new[] { "tests/app.test.js", "tests/cart.test.js", "tests/date.test.js", "tests/shout.test.js" }));
        Assert.That((string)PredictTestsHarness.Plan(repo.Path)["impact"]!["files"]![0]!["evidence"]!, Is.EqualTo("import-graph"));
    }

    [Test]
    public async Task Plan_RecentFailureInTheData_RunsThatTestWhateverChanged()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        RewriteData(repo.Path, data => data["tests"]![1]!["outcomes"] = "ppfp");
        repo.Write("src/format.js", ShopRepository.Format.Replace("slice(0, 10)", "slice(0, 10).trim()", StringComparison.Ordinal));
        await repo.CommitAllAsync("date change");

        var result = await RunAsync(repo.Path, new() { ["base-ref"] = "HEAD~1" });

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(new[] { "tests/cart.test.js", "tests/date.test.js" }));
        Assert.That((string)PredictTestsHarness.Plan(repo.Path)["selected"]![0]!["because"]!, Does.Contain("failed or flaked"));
    }

    [Test]
    public async Task Evaluate_WithOlderImpactData_ReportsItBesideTheImportGraph()
    {
        using var dir = new TemporaryDirectory();
        var repo = await ShopRepository.CloneAsync(origin, dir.Combine("repo"));
        repo.Write("src/format.js", ShopRepository.Format.Replace("slice(0, 10)", "slice(0, 10).trim()", StringComparison.Ordinal))
            .Write("tests/date.test.js", File.ReadAllText(Path.Combine(repo.Path, "tests/date.test.js")) + "// trims\n");
        await repo.CommitAllAsync("date change with its test");

        var result = await RunAsync(repo.Path, new() { ["mode"] = "evaluate", ["evaluate-commits"] = "5" });

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Log);
        var impact = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "predict-tests-evaluation.json")))!["impact"]!;
        Assert.That((int)impact["commits"]!, Is.EqualTo(1));
        Assert.That((double)impact["changeRecall"]!, Is.EqualTo(1));
        Assert.That((double)impact["selectionRatio"]!, Is.EqualTo(0.25), "one of four tests");
        Assert.That((double)impact["graphSelectionRatio"]!, Is.EqualTo(1), "the import graph's four of four");
        Assert.That((int)impact["lines"]!, Is.EqualTo(1));
    }

    private static Task<ActionRunResult> RunAsync(string repository, Dictionary<string, string> with) =>
        ImpactRunner.RunAsync(repository, Path.Combine(Path.GetDirectoryName(repository)!, "runs"), with);

    private static JsonNode ReadData(string repository)
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(repository, ShopRepository.ImpactData)), CompressionMode.Decompress);
        return JsonNode.Parse(gzip)!;
    }

    private static void RewriteData(string repository, Action<JsonNode> change)
    {
        var data = ReadData(repository);
        change(data);
        using var gzip = new GZipStream(File.Create(Path.Combine(repository, ShopRepository.ImpactData)), CompressionLevel.Fastest);
        gzip.Write(System.Text.Encoding.UTF8.GetBytes(data.ToJsonString()));
    }
}
