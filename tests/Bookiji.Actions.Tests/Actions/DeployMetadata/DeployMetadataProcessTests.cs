using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Actions.DeployMetadata;

/// <summary>The built program, started as a child process with only the runner's environment (as in the container).</summary>
[Category("Integration")]
[TestFixture]
public sealed class DeployMetadataProcessTests
{
    [Test]
    public async Task BuiltProgram_ReadsTheRunnerEnvironment_AndWritesOutputs()
    {
        using var dir = new TemporaryDirectory();
        var dll = Path.Combine(AppContext.BaseDirectory, "deploy-metadata.dll");
        var result = await LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action("deploy-metadata"),
            Launcher = new ProcessLauncher("dotnet", dll),
            With = new Dictionary<string, string> { ["preview-url"] = "https://pr-9.bookiji.com" },
            RunDirectory = dir.Path,
        });
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(result.Outputs["sha"], Is.EqualTo(LocalRunner.DefaultSha));
            Assert.That(File.Exists(Path.Combine(result.Workspace, result.Outputs["path"])), Is.True);
            Assert.That(result.Summary, Does.Contain("pr-9.bookiji.com"));
        });
    }
}
