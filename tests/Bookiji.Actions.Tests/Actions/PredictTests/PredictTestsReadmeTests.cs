using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;
using CliWrap;
using CliWrap.Buffered;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>
/// The README's workflow is what users copy: it must never paste outputs or matrix values into a shell script, and its
/// test job must do the right thing for every plan — run end to end here: plans made by the action on a generated
/// Playwright + vitest repository, each matrix entry given to the job's own script with a stand-in npx.
/// </summary>
[Category("Integration")]
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class PredictTestsReadmeTests
{
    private static string Readme => File.ReadAllText(Path.Combine(RepositoryLayout.Action("predict-tests"), "README.md"));

    /// <summary>Each <c>run:</c> script of the README's YAML blocks, inline or block scalar.</summary>
    internal static IReadOnlyList<string> RunScripts(string markdown)
    {
        var scripts = new List<string>();
        foreach (Match block in YamlBlock().Matches(markdown))
        {
            var lines = block.Groups[1].Value.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var run = RunKey().Match(lines[i]);
                if (!run.Success)
                {
                    continue;
                }

                var value = run.Groups[2].Value.Trim();
                if (value is not ("|" or ">" or "|-" or ">-"))
                {
                    scripts.Add(value);
                    continue;
                }

                var indent = run.Groups[1].Value.Length;
                var body = lines.Skip(i + 1).TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length > indent).ToList();
                var margin = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
                scripts.Add(string.Join('\n', body.Select(l => l.Length >= margin ? l[margin..] : l.TrimStart())));
            }
        }

        return scripts;
    }

    [Test]
    public void RunScripts_OfTheReadme_InterpolateNoExpressions()
    {
        var scripts = RunScripts(Readme);
        Assert.Multiple(() =>
        {
            Assert.That(scripts, Is.Not.Empty, "the README shows how to run the selected tests");
            Assert.That(scripts, Has.None.Contains("${{"), "outputs and matrix values go through env:, never into run:");
        });
    }

    [Test]
    public void RunScripts_Lint_CatchesTheOldExample()
    {
        const string old = "```yaml\nsteps:\n  - run: npx playwright test ${{ join(matrix.tests, ' ') }}\n  - run: |\n      echo ok\n      echo ${{ steps.plan.outputs.risk }}\n```\n";
        Assert.That(RunScripts(old).Count(s => s.Contains("${{", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    /// <summary>Where users copy the test job from: the root README, this action's README and our own workflow.</summary>
    public static readonly string[] Sources = ["README.md", "actions/predict-tests/README.md", ".github/workflows/ci-e2e.yml"];

    private static readonly Lazy<Task<Dictionary<string, JsonArray>>> Matrices = new(PlanEveryCaseAsync);

    [TestCaseSource(nameof(Sources))]
    public async Task Job_NoPlan_RunsEveryRunnersWholeSuite(string source)
    {
        var job = Job(source);
        var calls = await RunEntriesAsync(job, (JsonArray)JsonNode.Parse(job.FallbackMatrix)!["include"]!);
        Assert.That(calls, Is.EqualTo(new[] { "playwright test", "vitest run" }), "the plan job failed: everything runs");
    }

    [TestCaseSource(nameof(Sources))]
    public async Task Job_RunAllPlan_RunsEachRunnersSuiteShardedByItsOwnRunner(string source)
    {
        var matrix = (await Matrices.Value)["run-all"];
        var calls = await RunEntriesAsync(Job(source), matrix);
        Assert.Multiple(() =>
        {
            Assert.That(matrix.Select(e => e!["tests"]!.AsArray().Count), Has.All.Zero, "run-all entries list no files (small outputs)");
            Assert.That(calls.Where(c => c.StartsWith("playwright", StringComparison.Ordinal)), Is.Not.Empty.And.All.Match(@"^playwright test --shard=\d/\d$"));
            Assert.That(calls.Where(c => c.StartsWith("vitest", StringComparison.Ordinal)), Is.Not.Empty.And.All.Match(@"^vitest run --shard=\d/\d$"));
            Assert.That(calls, Has.Count.EqualTo(matrix.Count));
        });
    }

    [TestCaseSource(nameof(Sources))]
    public async Task Job_NothingSelected_RunsNothingAndSaysSo(string source)
    {
        var matrix = (await Matrices.Value)["docs-only"];
        using var dir = new TemporaryDirectory();
        var (calls, output) = await RunEntryAsync(dir, Job(source), (JsonObject)matrix.Single()!);
        Assert.Multiple(() =>
        {
            Assert.That(matrix.Single()!["runner"]!.GetValue<string>(), Is.EqualTo("none"));
            Assert.That(calls, Is.Empty, "an empty selection must not run the whole suite");
            Assert.That(output, Does.Contain("selected no tests"));
        });
    }

    [TestCaseSource(nameof(Sources))]
    public async Task Job_Selection_RunsExactlyThoseFilesEachWithItsRunner(string source)
    {
        var matrix = (await Matrices.Value)["selection"];
        var calls = await RunEntriesAsync(Job(source), matrix);
        Assert.Multiple(() =>
        {
            Assert.That(matrix.Select(e => e!["runner"]!.GetValue<string>()), Is.EquivalentTo(new[] { "playwright", "vitest" }), "one runner per shard");
            // home.spec imports nothing of the sources (it drives the running app): it runs whenever the app changes.
            Assert.That(calls, Is.EquivalentTo(new[] { "playwright test ./e2e/checkout.spec.ts ./e2e/home.spec.ts", "vitest run ./src/cart.test.ts" }));
        });
    }

    [TestCaseSource(nameof(Sources))]
    public async Task Job_HostileTestNames_ReachTheRunnerAsData(string source)
    {
        using var dir = new TemporaryDirectory();
        var hostile = new[] { "x$(touch${IFS}PWNED).spec.ts", "a b;touch PWNED2.spec.ts", "-x.spec.ts", "`touch PWNED3`.spec.ts" };
        var entry = new JsonObject { ["shard"] = 1, ["shards"] = 1, ["runner"] = "vitest", ["all"] = false, ["tests"] = new JsonArray([.. hostile.Select(h => (JsonNode)h)]) };
        var (calls, _) = await RunEntryAsync(dir, Job(source), entry);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(dir.Path, "PWNED*"), Is.Empty, "no name was run as code");
            Assert.That(calls, Is.EqualTo(new[] { "vitest run " + string.Join(' ', hostile.Select(h => "./" + h)) }), "each name is one argument, never an option");
        });
    }

    [Test]
    public void Job_EverywhereUsersCopyIt_IsTheSame()
    {
        var jobs = Sources.Select(Job).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(jobs.Select(j => j.FallbackMatrix).Distinct().Count(), Is.EqualTo(1));
            Assert.That(jobs.Select(j => string.Join(',', j.Env.OrderBy(e => e.Key, StringComparer.Ordinal))).Distinct().Count(), Is.EqualTo(1));
            Assert.That(jobs.Select(j => j.Script.Replace(" --reporter=blob", string.Empty, StringComparison.Ordinal)).Distinct().Count(), Is.EqualTo(1), "one script (our workflow adds Playwright's blob reporter)");
        });
    }

    private static ReadmeJob Job(string source) => ReadmeJob.From(File.ReadAllText(Path.Combine(RepositoryLayout.Root, source)));

    /// <summary>A Playwright + vitest repository planned three times through the local runner: docs-only, a source change, a manifest change.</summary>
    private static async Task<Dictionary<string, JsonArray>> PlanEveryCaseAsync()
    {
        var dir = new TemporaryDirectory();
        var repo = await GitRepo.InitAsync(dir.Combine("repo"));
        repo.Write("package.json", """{ "name": "shop", "private": true, "devDependencies": { "vitest": "^3.2.0", "@playwright/test": "^1.55.0" } }""" + "\n")
            .Write("playwright.config.ts", "import { defineConfig } from '@playwright/test';\nexport default defineConfig({ testDir: './e2e' });\n")
            .Write("e2e/fixtures.ts", "import { test as base } from '@playwright/test';\nexport const test = base;\n")
            .Write("e2e/checkout.spec.ts", "import { test } from './fixtures';\nimport { total } from '../src/cart';\ntest('total', () => { total([]); });\n")
            .Write("e2e/home.spec.ts", "import { test } from '@playwright/test';\ntest('home', async () => {});\n")
            .Write("src/cart.ts", "export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n")
            .Write("src/cart.test.ts", "import { expect, it } from 'vitest';\nimport { total } from './cart';\nit('sums', () => expect(total([1, 2])).toBe(3));\n")
            .Write("src/price.ts", "export const price = (n: number) => n.toFixed(2);\n")
            .Write("src/price.test.ts", "import { expect, it } from 'vitest';\nimport { price } from './price';\nit('formats', () => expect(price(1)).toBe('1.00'));\n")
            .Write("docs/guide.md", "# Guide\n")
            .Write(".gitignore", "ci-plan.json\n");
        await repo.CommitAllAsync("base");
        var matrices = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var (name, path, content) in new[]
        {
            ("docs-only", "docs/guide.md", "# Guide\n\nMore.\n"),
            ("selection", "src/cart.ts", "export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 1);\n"),
            ("run-all", "package.json", """{ "name": "shop", "private": true, "devDependencies": { "vitest": "^3.2.1", "@playwright/test": "^1.55.0" } }""" + "\n"),
        })
        {
            repo.Write(path, content);
            await repo.CommitAllAsync(name);
            var result = await PredictTestsHarness.RunAsync(dir, repo.Path);
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["run-all"], Is.EqualTo(name == "run-all" ? "true" : "false"), name + ": " + PredictTestsHarness.Plan(repo.Path)["runAllReasons"]?.ToJsonString());
            matrices[name] = JsonNode.Parse(result.Outputs["shard-matrix"])!["include"]!.AsArray();
        }

        return matrices;
    }

    private static async Task<List<string>> RunEntriesAsync(ReadmeJob job, JsonArray entries)
    {
        var calls = new List<string>();
        foreach (var entry in entries)
        {
            using var dir = new TemporaryDirectory();
            var (made, _) = await RunEntryAsync(dir, job, (JsonObject)entry!);
            calls.AddRange(made);
        }

        return calls;
    }

    /// <summary>Runs the job's script for one matrix entry with bash -e, a stand-in <c>npx</c> recording each call (without Playwright's blob reporter).</summary>
    private static async Task<(List<string> Calls, string Output)> RunEntryAsync(TemporaryDirectory dir, ReadmeJob job, JsonObject entry)
    {
        var bin = Directory.CreateDirectory(dir.Combine("bin")).FullName;
        var npx = Path.Combine(bin, "npx");
        File.WriteAllText(npx, "#!/usr/bin/env bash\nfor a in \"$@\"; do [ \"$a\" = --reporter=blob ] || printf '%s\\037' \"$a\"; done >> \"$CALLS_FILE\"\necho >> \"$CALLS_FILE\"\n");
        File.SetUnixFileMode(npx, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var callsFile = dir.Combine("calls");
        var result = await Cli.Wrap("bash").WithArguments(["-e", "-c", job.Script]).WithWorkingDirectory(dir.Path)
            .WithEnvironmentVariables(env =>
            {
                env.Set("PATH", bin + ":" + Environment.GetEnvironmentVariable("PATH")).Set("CALLS_FILE", callsFile);
                foreach (var (name, value) in job.EnvFor(entry))
                {
                    env.Set(name, value);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        var calls = File.Exists(callsFile)
            ? File.ReadAllLines(callsFile).Select(l => string.Join(' ', l.Split('\u001f', StringSplitOptions.RemoveEmptyEntries))).ToList()
            : [];
        return (calls, result.StandardOutput);
    }

    [GeneratedRegex(@"```ya?ml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"^(\s*(?:-\s+)?)run:\s*(.*)$")]
    private static partial Regex RunKey();
}
