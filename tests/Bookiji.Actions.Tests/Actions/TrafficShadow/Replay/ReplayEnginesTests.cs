using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class ReplayEnginesTests
{
    private static readonly Uri Http = new("http://canary.test/");
    private static readonly Uri Https = new("https://canary.test/");

    [Test]
    public void Resolve_AutoWithPlainHttpTargets_IsRaw() =>
        Assert.That(ReplayEngines.Resolve(ReplayEngine.Auto, Http, new Uri("http://baseline.test/")), Is.EqualTo(ReplayEngine.Raw));

    [Test]
    public void Resolve_AutoWithAnHttpsCanary_IsHttpClient() =>
        Assert.That(ReplayEngines.Resolve(ReplayEngine.Auto, Https, null), Is.EqualTo(ReplayEngine.HttpClient));

    [Test]
    public void Resolve_AutoWithAnHttpsBaseline_IsHttpClient() =>
        Assert.That(ReplayEngines.Resolve(ReplayEngine.Auto, Http, new Uri("https://baseline.test/")), Is.EqualTo(ReplayEngine.HttpClient));

    [TestCase(ReplayEngine.Raw)]
    [TestCase(ReplayEngine.HttpClient)]
    public void Resolve_AnEngineTheUserChose_IsKept(ReplayEngine chosen) =>
        Assert.That(ReplayEngines.Resolve(chosen, Https, null), Is.EqualTo(chosen));
}
