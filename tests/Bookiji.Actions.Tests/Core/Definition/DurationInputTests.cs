using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class DurationInputTests
{
    [Test]
    public void DefaultText_IsTheDefaultInItsLargestWholeUnit_AndGoesToActionYml()
    {
        var ttl = new DurationInput("ttl", "TTL.", TimeSpan.FromHours(168), TimeSpan.FromMinutes(1), TimeSpan.FromDays(365));
        Assert.Multiple(() =>
        {
            Assert.That(ttl.DefaultText, Is.EqualTo("7d"));
            Assert.That(ttl.ActionYmlDefault, Is.EqualTo("7d"));
        });
    }

    [Test]
    public void Accepts_BoundedDuration_NamesTheRangeInDurationText()
    {
        var timeout = new DurationInput("timeout", "Per request.", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        Assert.That(timeout.Accepts, Does.StartWith("a duration from 100ms to 5m "));
    }

    [Test]
    public void DefaultText_UnsetOptionalDuration_IsItsMeaningButActionYmlHasNoDefault()
    {
        var duration = new DurationInput("duration", "Loop for this long.", null, TimeSpan.FromSeconds(1), TimeSpan.FromHours(6)) { UnsetMeaning = "until the sample is replayed" };
        Assert.Multiple(() =>
        {
            Assert.That(duration.DefaultText, Is.EqualTo("until the sample is replayed"));
            Assert.That(duration.ActionYmlDefault, Is.Null);
        });
    }
}
