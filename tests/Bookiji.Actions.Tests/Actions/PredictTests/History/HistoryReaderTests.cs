using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.History;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;

namespace Bookiji.Actions.Tests.Actions.PredictTests.History;

[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HistoryReaderTests
{
    [Test]
    public async Task Window_AfterACommit_HoldsOnlyOlderCommits_AndCountsTheirTestCoChanges()
    {
        using var dir = new TemporaryDirectory();
        var repo = await GitRepo.InitAsync(dir.Combine("repo"));
        repo.Write("src/a.ts", "1").Write("src/a.test.ts", "1").Write("src/b.test.ts", "1");
        var first = await repo.CommitAllAsync("first: a with both tests");
        repo.Write("src/a.ts", "2").Write("src/b.test.ts", "2");
        var second = await repo.CommitAllAsync("second: a with b's test");
        repo.Write("src/a.ts", "3").Write("src/a.test.ts", "3");
        var third = await repo.CommitAllAsync("third: a with a's test");

        var (history, note) = await HistoryReader.ReadAsync(new GitRepository(repo.Path), "HEAD", 10, HistoryReader.Timeout, CancellationToken.None);
        Assert.That(history, Is.Not.Null, note);
        static bool IsTest(string path) => path.EndsWith(".test.ts", StringComparison.Ordinal);
        var all = history!.Window(-1, 10).CoChanges(["src/a.ts"], IsTest);
        var beforeThird = history.Window(history.IndexOf(third), 10).CoChanges(["src/a.ts"], IsTest);
        var beforeSecond = history.Window(history.IndexOf(second), 10).CoChanges(["src/a.ts"], IsTest);
        Assert.Multiple(() =>
        {
            Assert.That(history.Count, Is.EqualTo(3));
            Assert.That(all, Has.Count.EqualTo(3));
            Assert.That(beforeThird.Select(s => s.Order().ToArray()), Is.EqualTo(new[] { new[] { "src/b.test.ts" }, new[] { "src/a.test.ts", "src/b.test.ts" } }), "the third commit itself is not evidence for planning it");
            Assert.That(beforeSecond, Has.Count.EqualTo(1));
            Assert.That(history.Window(history.IndexOf(first), 10).Commits, Is.Zero);
        });
    }

    [Test]
    public async Task ShallowClone_GivesNoHistory_AndSaysWhy()
    {
        using var dir = new TemporaryDirectory();
        var origin = await GitRepo.InitAsync(dir.Combine("origin"));
        origin.Write("a.ts", "1");
        await origin.CommitAllAsync("one");
        origin.Write("a.ts", "2");
        await origin.CommitAllAsync("two");
        var clone = new GitRepo(dir.Combine("clone"));
        await origin.GitAsync("clone", "-q", "--depth=1", "file://" + origin.Path, clone.Path);

        var (history, note) = await HistoryReader.ReadAsync(new GitRepository(clone.Path), "HEAD", 10, HistoryReader.Timeout, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(history, Is.Null);
            Assert.That(note, Does.Contain("shallow"));
        });
    }
}
