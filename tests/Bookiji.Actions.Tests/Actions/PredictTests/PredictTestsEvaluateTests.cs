using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

[Category("Integration")]
[TestFixture]
public sealed class PredictTestsEvaluateTests
{
    [Test]
    public async Task Evaluate_ReplaysHistory_WithCoChangeGroundTruth()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        // 1: source + the test that imports it → a precise hit.
        repo.Write("src/search/index.ts", "export const search = () => [1];\n").Write("tests/unit/search.spec.ts", "import { search } from '../../src/search';\ntest('s', () => search());\n");
        await repo.CommitAllAsync("search + test");
        // 2: source + a test that does not import it → a miss the import graph cannot see.
        repo.Write("src/lib/date.ts", "export const today = () => 3;\n").Write("tests/e2e/auth.spec.ts", "test('login again', () => {});\n");
        await repo.CommitAllAsync("date + unrelated test");
        // 3: an uncovered new source file + a test → run-all fallback (counted as a hit, and as a fallback).
        repo.Write("src/orphan.ts", "export const o = 1;\n").Write("tests/unit/format.spec.ts", "import { money } from '@/utils/format';\ntest('m2', () => money(2));\n");
        await repo.CommitAllAsync("orphan + test");
        // 4: docs only → not evaluated (no test changed).
        repo.Write("docs/guide.md", "# more\n");
        await repo.CommitAllAsync("docs");
        var result = await RunAsync(dir, repo.Path, with: new() { ["mode"] = "evaluate", ["evaluate-commits"] = "10" });
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "predict-tests-evaluation.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(report["commitsScanned"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(report["commitsEvaluated"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(report["changeRecall"]!.GetValue<double>(), Is.EqualTo(0.6667).Within(0.0001));
            Assert.That(report["changeRecallWithoutFallback"]!.GetValue<double>(), Is.EqualTo(0.5));
            Assert.That(report["fallbackRate"]!.GetValue<double>(), Is.EqualTo(0.3333).Within(0.0001));
            Assert.That(result.Outputs["change-recall"], Is.EqualTo("0.6667"));
            Assert.That(File.ReadAllText(Path.Combine(repo.Path, "predict-tests-evaluation.md")), Does.Contain("| run-all fallback rate | 33.3 % |"));
        });
    }

    [Test]
    public async Task Evaluate_NewSourceFileTheCommitImports_IsCovered_AndDocsBesideATestDoNotQualify()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("src/search/index.ts", "export const search = () => [1];\n").Write("tests/unit/search.spec.ts", "import { search } from '../../src/search';\ntest('s', () => search());\n");
        await repo.CommitAllAsync("search + test");
        // A new file the edited index imports: planned from the parent with the commit's source changes applied, the
        // graph sees the new edge (as plan mode on the head does), so this is a precise hit, not a run-all.
        repo.Write("src/search/rank.ts", "export const rank = (xs: number[]) => xs;\n")
            .Write("src/search/index.ts", "import { rank } from './rank';\nexport const search = () => rank([1]);\n")
            .Write("tests/unit/search.spec.ts", "import { search } from '../../src/search';\ntest('s', () => search().length);\n")
            .Write("tests/unit/search.test-d.ts", "import { search } from '../../src/search';\nexpectTypeOf(search).toBeFunction();\n");
        await repo.CommitAllAsync("rank + tests");
        // A guide and a type test change together: nothing a test could catch changed, so it is not evaluated.
        repo.Write("docs/guide.md", "# search\n").Write("tests/unit/search.test-d.ts", "import { search } from '../../src/search';\nexpectTypeOf(search).returns.toBeArray();\n");
        await repo.CommitAllAsync("docs + type test");
        var result = await RunAsync(dir, repo.Path, with: new() { ["mode"] = "evaluate", ["evaluate-commits"] = "2" });
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "predict-tests-evaluation.json")))!;
        var commit = report["commits"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(report["commitsEvaluated"]!.GetValue<int>(), Is.EqualTo(1), "the docs + type-test commit does not qualify");
            Assert.That(commit["runAll"]!.GetValue<bool>(), Is.False, "the new file is imported by the edited index");
            Assert.That(report["changeRecall"]!.GetValue<double>(), Is.EqualTo(1));
            Assert.That(commit["hits"]!.GetValue<int>(), Is.EqualTo(1), "search.spec.ts; the type test is new in that commit, so not ground truth");
        });
    }

    [Test]
    public async Task Evaluate_CommitThatOnlyRemovesASourceFile_PlansWithoutIt_AsPlanModeOnTheHead()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("src/legacy/old.ts", "export const old = 1;\n").Write("tests/unit/old.spec.ts", "import { old } from '../../src/legacy/old';\ntest('o', () => old);\n");
        await repo.CommitAllAsync("old + test");
        // Only a removal among the source changes: the parent's tree still holds the file and its importing test, but
        // plan mode on the head sees a removed file no test reaches (everything runs), and so must the replay.
        repo.Delete("src/legacy/old.ts").Write("tests/unit/old.spec.ts", "test('o', () => 1);\n");
        await repo.CommitAllAsync("drop old");
        var result = await RunAsync(dir, repo.Path, with: new() { ["mode"] = "evaluate", ["evaluate-commits"] = "1" });
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "predict-tests-evaluation.json")))!;
        var commit = report["commits"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(commit["runAll"]!.GetValue<bool>(), Is.True, "before, the removed file stayed in the replayed tree and its old importer covered it");
            Assert.That(commit["runAllReason"]!.GetValue<string>(), Does.Contain("src/legacy/old.ts"));
        });
    }

    [Test]
    public async Task Evaluate_OddCommits_TestRenamedToSource_AndASubmoduleNamedLikeSource_AreReplayedWithoutFailing()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        // A test becomes a helper (test path → source path), beside a source and a test change.
        await repo.GitAsync("mv", "tests/unit/search.spec.ts", "src/search/helpers.ts");
        repo.Write("src/utils/format.ts", "export const money = (n: number) => n.toFixed(3);\n")
            .Write("tests/unit/format.spec.ts", "import { money } from '@/utils/format';\ntest('money', () => money(3));\n");
        await repo.CommitAllAsync("test → helper");
        // A submodule (gitlink) whose path looks like a source file, beside a source and a test change.
        var head = await repo.GitAsync("rev-parse", "HEAD");
        await repo.GitAsync("update-index", "--add", "--cacheinfo", $"160000,{head},src/vendor.ts");
        repo.Write("src/utils/format.ts", "export const money = (n: number) => n.toFixed(4);\n")
            .Write("tests/unit/format.spec.ts", "import { money } from '@/utils/format';\ntest('money', () => money(4));\n");
        await repo.GitAsync("add", "src/utils/format.ts", "tests/unit/format.spec.ts");
        await repo.GitAsync("commit", "-q", "-m", "submodule"); // not add -A: the gitlink has no work tree
        var result = await RunAsync(dir, repo.Path, with: new() { ["mode"] = "evaluate", ["evaluate-commits"] = "2" });
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, "predict-tests-evaluation.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(report["commitsEvaluated"]!.GetValue<int>(), Is.EqualTo(2), result.Log);
            Assert.That(report["changeRecall"]!.GetValue<double>(), Is.EqualTo(1));
        });
    }
}
