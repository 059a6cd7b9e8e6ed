using Bookiji.Actions.Testing;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>A workspace member's package.json through plan mode: the manifest is read at the action's edge.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PredictTestsMemberManifestTests
{
    private static async Task<Bookiji.Actions.Testing.Services.GitRepo> MemberChangedAsync(TemporaryDirectory dir, string manifest, string changedManifest)
    {
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        repo.Write("packages/d/package.json", manifest)
            .Write("packages/d/src/d.ts", "export const d = 4;\n")
            .Write("packages/d/tests/d.spec.ts", "import { d } from '../src/d';\ntest('d', () => d);\n");
        await repo.CommitAllAsync("member d");
        repo.Write("packages/d/package.json", changedManifest);
        await repo.CommitAllAsync("d's manifest");
        return repo;
    }

    [Test]
    public async Task Plan_MemberManifestHoldingAJestConfigChanged_RunsEverything()
    {
        using var dir = new TemporaryDirectory();
        var repo = await MemberChangedAsync(dir,
            """{ "name": "@w/d", "jest": { "roots": ["<rootDir>"] } }""",
            """{ "name": "@w/d", "jest": { "roots": ["<rootDir>", "<rootDir>/../../tests"] } }""");
        var result = await RunAsync(dir, repo.Path);
        var plan = Plan(repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"), "before, only packages/d's tests ran, while its roots reach tests/");
            Assert.That(plan["runAllReasons"]![0]!.GetValue<string>(), Does.Contain("packages/d/package.json"));
        });
    }

    [Test]
    public async Task Plan_MemberManifestWithoutRunnerConfigChanged_SelectsItsTests()
    {
        using var dir = new TemporaryDirectory();
        var repo = await MemberChangedAsync(dir,
            """{ "name": "@w/d", "devDependencies": { "jest": "^29.0.0" } }""",
            """{ "name": "@w/d", "devDependencies": { "jest": "^29.7.0" } }""");
        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["run-all"], Is.EqualTo("false"), result.Log);
            Assert.That(SelectedTests(result), Is.EqualTo(new[] { "packages/d/tests/d.spec.ts" }));
        });
    }

    [Test]
    public async Task Plan_MemberManifestRenamesThePackage_RunsEverything()
    {
        using var dir = new TemporaryDirectory();
        var repo = await MemberChangedAsync(dir, """{ "name": "@w/d", "main": "src/d.ts" }""", """{ "name": "@w/dee", "main": "src/d.ts" }""");
        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"), "importers of @w/d are not in the head's graph");
            Assert.That(Plan(repo.Path)["runAllReasons"]![0]!.GetValue<string>(), Does.Contain("changed how the package resolves"));
        });
    }
}
