using Bookiji.Actions.Watchdog.Incidents;

namespace Bookiji.Actions.Tests.Actions.Watchdog.Incidents;

[TestFixture]
public sealed class IncidentManagerTests
{
    [Test]
    public void Describe_TransportFailure_UsesTheOneClassification() =>
        Assert.That(
            IncidentManager.Describe(new HttpRequestException("x", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))),
            Is.EqualTo("GitHub could not be reached (refused)."));
}
