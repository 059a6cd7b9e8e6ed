using Bookiji.Actions.TrafficShadow.Judge;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Judge;

[TestFixture]
public sealed class StatisticsTests
{
    [TestCase(0, 0.5)]
    [TestCase(1.959964, 0.975)]
    [TestCase(-2.326348, 0.01)]
    public void NormalCdf_KnownPoints_GiveTheKnownValues(double x, double expected) => Assert.That(Statistics.NormalCdf(x), Is.EqualTo(expected).Within(1e-6));

    [TestCase(0.975, 1.959964)]
    [TestCase(0.99, 2.326348)]
    [TestCase(0.01, -2.326348)]
    public void NormalQuantile_KnownPoints_GiveTheKnownValues(double p, double expected) => Assert.That(Statistics.NormalQuantile(p), Is.EqualTo(expected).Within(1e-5));

    [Test]
    public void FisherGreater_CanaryAndBaselineFailures_MatchesTheHypergeometricTail()
    {
        // 3 of 4 canary failures vs 0 of 4 baseline: P = C(4,3)C(4,0)/C(8,3) + 0 = 4/56 … plus k=4 is impossible (3 failures in all).
        Assert.Multiple(() =>
        {
            Assert.That(Statistics.FisherGreater(3, 4, 0, 4), Is.EqualTo(4.0 / 56).Within(1e-9));
            Assert.That(Statistics.FisherGreater(0, 100, 0, 100), Is.EqualTo(1));
            Assert.That(Statistics.FisherGreater(10, 500, 0, 500), Is.LessThan(0.002), "rare new errors are caught with no baseline errors");
            Assert.That(Statistics.FisherGreater(1, 500, 0, 500), Is.GreaterThan(0.4), "one error is not evidence");
        });
    }

    [Test]
    public void LogFactorial_NAbove256_StirlingAgreesWithTheSum()
    {
        double sum = 0;
        for (var i = 2; i <= 300; i++)
        {
            sum += Math.Log(i);
        }

        Assert.That(Statistics.LogFactorial(300), Is.EqualTo(sum).Within(1e-9));
    }

    [Test]
    public void MannWhitney_DetectsAShift_AndItsSize()
    {
        var random = new Random(1);
        var baseline = Enumerable.Range(0, 400).Select(_ => 100 + random.NextDouble() * 20).ToList();
        var canary = Enumerable.Range(0, 400).Select(_ => 130 + random.NextDouble() * 20).ToList();
        var same = Enumerable.Range(0, 400).Select(_ => 100 + random.NextDouble() * 20).ToList();
        var shifted = Statistics.MannWhitney(baseline, canary, 0.98);
        var null_ = Statistics.MannWhitney(baseline, same, 0.98);
        Assert.Multiple(() =>
        {
            Assert.That(shifted.PValue, Is.LessThan(1e-6));
            Assert.That(shifted.Shift, Is.EqualTo(30).Within(1.5));
            Assert.That(shifted.Lower, Is.LessThan(shifted.Shift).And.GreaterThan(27));
            Assert.That(null_.PValue, Is.GreaterThan(0.02));
            Assert.That(null_.Lower, Is.LessThan(0).And.Not.LessThan(-3));
        });
    }
}
