using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class IntegerInputTests
{
    private static readonly IntegerInput Concurrency = new("concurrency", "Workers.", 8, 1, 256);

    [Test]
    public void DefaultText_IsTheDefaultNumber_AndGoesToActionYml()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Concurrency.DefaultText, Is.EqualTo("8"));
            Assert.That(Concurrency.ActionYmlDefault, Is.EqualTo("8"));
        });
    }

    [Test]
    public void Accepts_BoundedInteger_NamesTheRange() => Assert.That(Concurrency.Accepts, Is.EqualTo("a whole number from 1 to 256"));

    [Test]
    public void DefaultText_ComputedDefault_IsShownButNeverWrittenToActionYml()
    {
        var seed = new IntegerInput("seed", "Seed.", 0, 0, int.MaxValue) { ComputedDefault = "random" };
        Assert.Multiple(() =>
        {
            Assert.That(seed.DefaultText, Is.EqualTo("random"));
            Assert.That(seed.ActionYmlDefault, Is.Null, "the placeholder 0 would fix the seed");
        });
    }
}
