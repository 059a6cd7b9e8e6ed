using System.IO.Compression;
using System.Text.Json.Nodes;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;
using CliWrap;
using CliWrap.Buffered;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact;

/// <summary>
/// The README's per-test command for jest, run as written by bash on the real jest (npm ci of the pinned package in
/// jest/): its Istanbul coverage and JSON reports learnt, then a plan with that data, on a CommonJS library whose tests
/// all require its index (by imports, every change selects both).
/// </summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ImpactJestTests
{
    private const string ImpactData = ".bookiji/impact-data.json.gz";

    /// <summary>The README's jest row (predict-tests/README.md, "per-test commands"), with its loop.</summary>
    private const string PerTest = """
        for test in tests/price.test.js tests/shout.test.js; do
          mkdir -p "$(dirname "reports/$test")" && npx jest "./$test" --coverage --coverageReporters=json --coverageDirectory="coverage/per-test/$test" --json --outputFile="reports/$test.json"
        done
        """;

    private const string Format = "function formatPrice(cents) {\n  return '$' + (cents / 100).toFixed(2);\n}\n\nfunction shout(text) {\n  const upper = text.toUpperCase();\n  return upper + '!';\n}\n\nmodule.exports = { formatPrice, shout };\n";

    private static readonly string JestDirectory = Path.Combine(RepositoryLayout.Root, "tests", "Bookiji.Actions.Tests", "Actions", "PredictTests", "Impact", "jest");

    private readonly TemporaryDirectory root = new("impact-jest");
    private GitRepo repo = null!;
    private ActionRunResult learnt = null!;

    [OneTimeSetUp]
    public async Task LearnOnceAsync()
    {
        if (!File.Exists(Path.Combine(JestDirectory, "node_modules", ".bin", "jest")))
        {
            await Cli.Wrap("npm").WithArguments(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).WithWorkingDirectory(JestDirectory).ExecuteBufferedAsync();
        }

        repo = await GitRepo.InitAsync(root.Combine("shop"));
        repo.Write("package.json", """{ "name": "shop", "private": true, "devDependencies": { "jest": "29.7.0" } }""" + "\n")
            .Write(".gitignore", "coverage/\nreports/\n.bookiji/\nnode_modules\n")
            .Write("src/format.js", Format)
            .Write("src/index.js", "module.exports = { ...require('./format.js') };\n")
            .Write("tests/price.test.js", "const shop = require('../src/index.js');\ntest('formats a price', () => { expect(shop.formatPrice(250)).toBe('$2.50'); });\n")
            .Write("tests/shout.test.js", "const shop = require('../src/index.js');\ntest('shouts', () => { expect(shop.shout('hi')).toBe('HI!'); });\n");
        await repo.CommitAllAsync("shop");
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "node_modules"), Path.Combine(JestDirectory, "node_modules"));
        var run = await Cli.Wrap("bash").WithArguments(["-c", PerTest]).WithWorkingDirectory(repo.Path).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.That(run.ExitCode, Is.EqualTo(0), run.StandardError);
        learnt = await RunAsync(new() { ["mode"] = "learn", ["test-results"] = "reports/**/*.json" });
    }

    [OneTimeTearDown]
    public void Cleanup() => root.Dispose();

    [Test]
    public void Learn_JestCoverageAndReports_RecordsEachTestTheFilesItRanAndItsOutcome()
    {
        Assert.That(learnt.ExitCode, Is.EqualTo(0), learnt.Log);
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(repo.Path, ImpactData)), CompressionMode.Decompress);
        var data = JsonNode.Parse(gzip)!;
        Assert.That(data["tests"]!.AsArray().Select(t => (string)t!["path"]!), Is.EqualTo(new[] { "tests/price.test.js", "tests/shout.test.js" }));
        Assert.That(data["files"]!.AsArray().Select(f => (string)f!["path"]!), Is.EqualTo(new[] { "src/format.js", "src/index.js" }), "jest's absolute paths are mapped into the repository");
        Assert.That(data["tests"]!.AsArray().Select(t => (string)t!["outcomes"]!), Is.All.EqualTo("p"), "each jest JSON report said passed");
    }

    [Test]
    public async Task Plan_ChangeInsideOneFunction_SelectsOnlyTheTestThatCalledIt()
    {
        using var dir = new TemporaryDirectory();
        var clone = dir.Combine("clone");
        await new GitRepo(dir.Path).GitAsync("clone", "-q", repo.Path, clone);
        Directory.CreateDirectory(Path.Combine(clone, ".bookiji"));
        File.Copy(Path.Combine(repo.Path, ImpactData), Path.Combine(clone, ImpactData));
        var changed = new GitRepo(clone);
        await changed.GitAsync("config", "user.email", "tests@bookiji.test");
        await changed.GitAsync("config", "user.name", "Bookiji Tests");
        changed.Write("src/format.js", Format.Replace("upper + '!'", "upper + '!!'", StringComparison.Ordinal));
        await changed.CommitAllAsync("louder");

        var result = await RunAsync(new() { ["base-ref"] = "HEAD~1" }, clone);

        Assert.That(PredictTestsHarness.SelectedTests(result), Is.EqualTo(new[] { "tests/shout.test.js" }), result.Log);
        Assert.That((string)PredictTestsHarness.Plan(clone)["selected"]![0]!["because"]!, Is.EqualTo("executes src/format.js:7, changed"));
    }

    private Task<ActionRunResult> RunAsync(Dictionary<string, string> with, string? workspace = null) =>
        ImpactRunner.RunAsync(workspace ?? repo.Path, root.Combine("runs"), with);
}
