using System.Globalization;
using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class NumberInputTests
{
    private static readonly NumberInput Confidence = new("confidence", "Confidence.", 0.95, 0.5, 0.999);

    [Test]
    public void DefaultText_AndAccepts_UseTheInvariantDecimalPoint()
    {
        var previous = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        try
        {
            CultureInfo.CurrentCulture = comma;
            Assert.Multiple(() =>
            {
                Assert.That(0.95.ToString(CultureInfo.CurrentCulture), Is.EqualTo("0,95"), "the test needs a comma culture");
                Assert.That(Confidence.DefaultText, Is.EqualTo("0.95"));
                Assert.That(Confidence.Accepts, Is.EqualTo("a number from 0.5 to 0.999"));
                Assert.That(Confidence.ActionYmlDefault, Is.EqualTo("0.95"));
            });
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void DefaultText_UnsetOptionalNumber_IsItsMeaningButActionYmlHasNoDefault()
    {
        var rate = new NumberInput("rate", "Requests per second.", null, 0.1, 100_000) { UnsetMeaning = "as fast as responses come" };
        Assert.Multiple(() =>
        {
            Assert.That(rate.DefaultText, Is.EqualTo("as fast as responses come"));
            Assert.That(rate.ActionYmlDefault, Is.Null);
            Assert.That((rate with { UnsetMeaning = null }).DefaultText, Is.Null);
        });
    }
}
