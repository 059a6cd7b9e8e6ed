using Bookiji.Actions.PredictTests.Impact;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact;

[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ImpactDataFileTests
{
    [TestCase("data.json")]
    [TestCase("data.json.gz")]
    public async Task Write_ThenRead_GivesTheSameData(string name)
    {
        using var dir = new TemporaryDirectory();
        var data = ImpactSamples.Library();

        var bytes = await ImpactDataFile.WriteAsync(dir.Combine(".bookiji", name), data, CancellationToken.None);
        var (read, problem, _) = await ImpactDataFile.ReadAsync(dir.Combine(".bookiji", name), CancellationToken.None);

        Assert.That(problem, Is.Null);
        Assert.That(bytes, Is.GreaterThan(0));
        Assert.That(read!.Tests.Select(t => t.Path), Is.EqualTo(data.Tests.Select(t => t.Path)));
        Assert.That(read.Files[0].Patterns[1].Lines, Is.EqualTo(data.Files[0].Patterns[1].Lines));
    }

    [TestCase("{ nope", "could not be read")]
    [TestCase("""{"version":2,"commit":"0123456789abcdef0123456789abcdef01234567","createdAt":"2026-01-01T00:00:00Z","files":[],"tests":[]}""", "version 2")]
    [TestCase("""{"version":1,"commit":"--upload-pack=touch /tmp/x -- 0123456789abcd","createdAt":"2026-01-01T00:00:00Z","files":[],"tests":[]}""", "not impact data")]
    [TestCase("""{"version":1,"commit":"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz","createdAt":"2026-01-01T00:00:00Z","files":[],"tests":[]}""", "not a SHA")]
    [TestCase("""{"version":1,"commit":"0123456789abcdef0123456789abcdef01234567","createdAt":"2026-01-01T00:00:00Z"}""", "missing required properties")]
    public async Task Read_HostileOrStaleFile_IsAProblemNotData(string content, string expected)
    {
        using var dir = new TemporaryDirectory();
        var path = dir.WriteFile("data.json", content);

        var (data, problem, missing) = await ImpactDataFile.ReadAsync(path, CancellationToken.None);

        Assert.That(data, Is.Null);
        Assert.That(missing, Is.False);
        Assert.That(problem, Does.Contain(expected));
    }

    [Test]
    public async Task Read_MissingFile_SaysItIsMissing()
    {
        using var dir = new TemporaryDirectory();

        var (data, _, missing) = await ImpactDataFile.ReadAsync(dir.Combine("none.json.gz"), CancellationToken.None);

        Assert.That(data, Is.Null);
        Assert.That(missing, Is.True);
    }
}
