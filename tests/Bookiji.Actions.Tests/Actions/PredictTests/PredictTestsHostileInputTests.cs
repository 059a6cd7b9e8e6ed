using Bookiji.Actions.StandIns;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>Inputs an attacker controls never become git options or paths outside the workspace.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PredictTestsHostileInputTests
{
    [TestCase("base-ref")]
    [TestCase("head-ref")]
    public async Task RefStartingWithADash_IsRefused_AndGitRunsNothing(string input)
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        var marker = dir.Combine("PWNED");
        var result = await RunAsync(dir, repo.Path, with: new() { [input] = $"--upload-pack=touch {marker};true" });
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(marker), Is.False, "git must not run the attacker's command");
            Assert.That(result.Annotations("error").Single().Properties["title"], Does.Contain($"invalid input '{input}'"));
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("starts with '-'"));
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"), "a run-all plan is still left");
        });
    }

    [TestCase("plan-file", "../outside.json")]
    [TestCase("plan-file", "/tmp/predict-tests-outside.json")]
    [TestCase("working-directory", "..")]
    [TestCase("evaluate-output", "../outside-report")]
    [TestCase("durations", "../../outside.xml")]
    [TestCase("test-map", "../outside-map.json")]
    public async Task Run_PathsOutsideTheWorkspace_AreRefused(string input, string value)
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        var with = new Dictionary<string, string> { [input] = value };
        if (input == "evaluate-output")
        {
            with["mode"] = "evaluate";
        }

        var result = await RunAsync(dir, repo.Path, with: with);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error").Select(e => e.Properties["title"]), Has.Some.Contains($"invalid input '{input}'"), result.Log);
            Assert.That(File.Exists(dir.Combine("outside.json")), Is.False);
            Assert.That(File.Exists(dir.Combine("outside-report.json")), Is.False);
        });
    }

    [Test]
    public async Task PlanFile_ThatIsALinkOutOfTheWorkspace_IsRefused()
    {
        using var dir = new TemporaryDirectory();
        var (repo, _) = await SampleProject.CreateAsync(dir.Combine("repo"));
        var target = dir.Combine("victim.json");
        File.WriteAllText(target, "keep");
        File.CreateSymbolicLink(Path.Combine(repo.Path, "ci-plan.json"), target);
        var result = await RunAsync(dir, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("keep"));
            Assert.That(result.Annotations("error").Single().Properties["title"], Does.Contain("invalid input 'plan-file'"));
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"), "outputs are still set");
        });
    }
}
