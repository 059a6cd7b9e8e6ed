using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Changes;

/// <summary>Revisions reach git after <c>--end-of-options</c>: even one that slips past input validation is never an option.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class GitRepositoryTests
{
    [Test]
    public async Task EveryRevisionCommand_DashValue_IsTreatedAsARevision()
    {
        using var dir = new TemporaryDirectory();
        var origin = await GitRepo.InitAsync(dir.Combine("origin"));
        origin.Write("a.txt", "a");
        await origin.CommitAllAsync("a");
        var clone = new GitRepo(dir.Combine("clone"));
        await new GitRepo(dir.Path).GitAsync("clone", "-q", "file://" + origin.Path, clone.Path);
        var git = new GitRepository(clone.Path);
        var marker = dir.Combine("PWNED");
        var hostile = $"--upload-pack=touch {marker};true";
        var fetched = await git.FetchAsync(hostile);
        var resolved = await git.ResolveAsync($"--output={marker}");
        var mergeBase = await git.MergeBaseAsync($"--output={marker}", "HEAD");
        var diff = await git.DiffAsync($"--output={marker}", "HEAD");
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(marker), Is.False, "no command ran and no file was written");
            Assert.That(fetched, Is.False);
            Assert.That(resolved, Is.Null);
            Assert.That(mergeBase, Is.Null);
            Assert.That(diff, Is.Null);
        });
    }
}
