using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class EndpointKeyTests
{
    [TestCase("/api/bookings/42", "GET /api/bookings/{id}")]
    [TestCase("/api/bookings/42/", "GET /api/bookings/{id}/")]
    [TestCase("/u/3F2504E0-4F89-11D3-9A0C-0305E82C3301", "GET /u/{id}")]
    [TestCase("/blobs/deadbeefdeadbeef", "GET /blobs/{id}")]
    [TestCase("/providers/7/slots/9", "GET /providers/{id}/slots/{id}")]
    [TestCase("/a/1/2", "GET /a/{id}/{id}")]
    public void For_IdSegments_BecomeThePlaceholder(string path, string expected) => Assert.That(EndpointKey.For("GET", path), Is.EqualTo(expected));

    [TestCase("/api/v2/health")]
    [TestCase("/blobs/deadbeefdeadbee")]
    [TestCase("/items/42abc")]
    [TestCase("/days/2025-12-07")]
    public void For_SegmentThatIsNotAnId_IsKept(string path) => Assert.That(EndpointKey.For("GET", path), Is.EqualTo("GET " + path));

    [Test]
    public void For_Query_IsDroppedSoItDoesNotSplitTheEndpoint() =>
        Assert.That(EndpointKey.For("GET", "/api/search?q=1&page=2"), Is.EqualTo(EndpointKey.For("GET", "/api/search?q=other")).And.EqualTo("GET /api/search"));
}
