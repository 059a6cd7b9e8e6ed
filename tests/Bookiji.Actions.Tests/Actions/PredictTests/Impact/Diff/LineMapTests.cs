using Bookiji.Actions.PredictTests.Impact.Diff;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact.Diff;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LineMapTests
{
    [Test]
    public void ToAnalysed_LinesBelowAnInsertion_MoveBackByItsLength()
    {
        // Two lines inserted after analysed line 3: later lines 4–5 are new, 6 was 4.
        var map = new LineMap([new DiffHunk(3, 0, 4, 2)]);

        Assert.That(map.ToAnalysed(3), Is.EqualTo(3));
        Assert.That(map.ToAnalysed(4), Is.Null);
        Assert.That(map.ToAnalysed(5), Is.Null);
        Assert.That(map.ToAnalysed(6), Is.EqualTo(4));
    }

    [Test]
    public void ToAnalysed_LinesBelowADeletion_MoveDown()
    {
        // Analysed lines 2–4 removed; later line 2 was 5.
        var map = new LineMap([new DiffHunk(2, 3, 1, 0)]);

        Assert.That(map.ToAnalysed(1), Is.EqualTo(1));
        Assert.That(map.ToAnalysed(2), Is.EqualTo(5));
    }

    [Test]
    public void ToAnalysedSpan_DeletionInsideTheSpan_IsNotMappable()
    {
        var map = new LineMap([new DiffHunk(5, 2, 4, 0)]);

        Assert.That(map.ToAnalysed(3, 4), Is.EqualTo((3, 4)), "the deletion sits after line 4: the span is intact");
        Assert.That(map.ToAnalysed(3, 6), Is.Null, "lines removed between 4 and 5 changed the span's meaning");
    }

    [Test]
    public void ToLater_LinesOutsideTheHunks_InvertToAnalysed()
    {
        var map = new LineMap([new DiffHunk(3, 0, 4, 2), new DiffHunk(8, 2, 10, 1)]);

        Assert.That(new[] { 1, 3, 4, 7, 8, 9, 10, 11 }.Select(map.ToLater), Is.EqualTo(new int?[] { 1, 3, 6, 9, null, null, 11, 12 }));
        Assert.That(new[] { 1, 3, 6, 9, 11, 12 }.Select(l => map.ToAnalysed(l)), Is.EqualTo(new int?[] { 1, 3, 4, 7, 10, 11 }));
    }

    [Test]
    public void ToAnalysedSpan_Identity_MapsEveryLineToItself()
    {
        Assert.That(LineMap.Identity.ToAnalysed(10, 20), Is.EqualTo((10, 20)));
    }
}
