using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Inputs;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class DurationTextTests
{
    [TestCase(7 * 86_400_000L, "7d")]
    [TestCase(21 * 86_400_000L, "21d")]
    [TestCase(6 * 3_600_000L, "6h")]
    [TestCase(25 * 3_600_000L, "25h")]
    [TestCase(90 * 60_000L, "90m")]
    [TestCase(30_000L, "30s")]
    [TestCase(61_000L, "61s")]
    [TestCase(250L, "250ms")]
    [TestCase(1_500L, "1500ms")]
    [TestCase(0L, "0ms")]
    public void Format_WholeMultiple_UsesTheLargestWholeUnit(long milliseconds, string expected) =>
        Assert.That(DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)), Is.EqualTo(expected));

    [TestCase(250L)]
    [TestCase(45_000L)]
    [TestCase(5_400_000L)]
    [TestCase(90_000_000L)]
    [TestCase(31_536_000_000L)]
    public void Format_AnyDuration_IsReadBackByTheInputReaderAsTheSameDuration(long milliseconds)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);
        Assert.Multiple(() =>
        {
            Assert.That(InputReader.TryParseDuration(DurationText.Format(value), out var back), Is.True);
            Assert.That(back, Is.EqualTo(value));
        });
    }
}
