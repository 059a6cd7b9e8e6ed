using Bookiji.Actions.TrafficShadow.Replay;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Samples;

[TestFixture]
public sealed class SampleReaderTests
{
    [Test]
    public void Json_BadEntriesAreReportedByIndex_AndSkipped()
    {
        var load = SampleReader.Read("""
            [ { "method": "GET", "path": "/" }, 42, { "method": "BREW", "path": "/pot" }, { "path": "/x" },
              { "method": "post", "path": "/api/bookings/create", "body": { "a": 1 } }, { "method": "PUT", "path": "/big", "body": "xxxxxxxxxxxx" } ]
            """, "s.json", maxBodyBytes: 10);
        Assert.Multiple(() =>
        {
            Assert.That(load.Requests.Select(r => r.Method + " " + r.Path), Is.EqualTo(new[] { "GET /", "POST /api/bookings/create" }));
            Assert.That(load.Requests[1].Body, Is.EqualTo("{ \"a\": 1 }"));
            Assert.That(load.Skipped, Has.Count.EqualTo(4));
            Assert.That(load.Skipped[0], Does.StartWith("s.json[1]: not an object"));
            Assert.That(load.Skipped[1], Does.StartWith("s.json[2]: unknown method 'BREW'"));
            Assert.That(load.Skipped[3], Does.Contain("body over 10 bytes"));
        });
    }

    [Test]
    public void Har_AndAccessLog_AreImportedWithPacing()
    {
        var har = SampleReader.Read("""
            {"log":{"entries":[
              {"startedDateTime":"2025-12-07T10:00:00.000Z","request":{"method":"GET","url":"https://www.bookiji.com/api/providers/1/slots?d=1","headers":[{"name":":authority","value":"x"},{"name":"Accept","value":"*/*"}]}},
              {"startedDateTime":"2025-12-07T10:00:01.500Z","request":{"method":"POST","url":"https://www.bookiji.com/api/bookings/create","postData":{"text":"{}"}}}]}}
            """, "t.har", 1000);
        var log = SampleReader.Read("""
            127.0.0.1 - - [07/Dec/2025:10:00:00 +0000] "GET /api/health HTTP/1.1" 200 12 "-" "curl/8.0"
            garbage line
            127.0.0.1 - - [07/Dec/2025:10:00:02 +0000] "DELETE /api/bookings/7 HTTP/1.1" 204 0 "-" "-"
            """, "access.log", 1000);
        Assert.Multiple(() =>
        {
            Assert.That(har.Format, Is.EqualTo("har"));
            Assert.That(har.Requests.Select(r => (r.Method, r.Path, r.OffsetMs)), Is.EqualTo(new (string, string, double?)[] { ("GET", "/api/providers/1/slots?d=1", 0), ("POST", "/api/bookings/create", 1500) }));
            Assert.That(har.Requests[0].Headers.ContainsKey(":authority"), Is.False);
            Assert.That(log.Requests.Select(r => (r.Method, r.Path, r.OffsetMs)), Is.EqualTo(new (string, string, double?)[] { ("GET", "/api/health", 0), ("DELETE", "/api/bookings/7", 2000) }));
            Assert.That(log.Skipped.Single(), Does.StartWith("access.log line 2"));
        });
    }

    [Test]
    public void Guard_ImportedTrafficReplaysOnlySafeMethods_AndNeverLeavesTheHosts()
    {
        var log = new SampleLoad(
        [
            new("GET", "/ok", null, new Dictionary<string, string>()),
            new("DELETE", "/api/bookings/7", null, new Dictionary<string, string>()),
            new("GET", "https://canary.example.com/abs", null, new Dictionary<string, string>()),
            new("GET", "https://evil.example.net/steal", null, new Dictionary<string, string>()),
            new("GET", "//evil.example.net/x", null, new Dictionary<string, string>()),
        ], [], "access-log");
        var hosts = new HashSet<string> { "canary.example.com" };
        var (allowed, refused) = RequestGuard.Apply(log, hosts, allowMethods: null);
        var (widened, _) = RequestGuard.Apply(log, hosts, new HashSet<string> { "GET", "DELETE" });
        Assert.Multiple(() =>
        {
            Assert.That(allowed.Select(r => r.Path), Is.EqualTo(new[] { "/ok", "/abs" }));
            Assert.That(refused, Has.Count.EqualTo(3));
            Assert.That(refused, Has.Some.Contains("outside the canary and baseline hosts"));
            Assert.That(widened.Select(r => r.Method), Does.Contain("DELETE"));
        });
    }

    [TestCase("GET", "/api/bookings/42", "GET /api/bookings/{id}")]
    [TestCase("GET", "/api/providers/7/slots?date=x", "GET /api/providers/{id}/slots")]
    [TestCase("PUT", "/u/3f2504e0-4f89-11d3-9a0c-0305e82c3301/x", "PUT /u/{id}/x")]
    public void EndpointKey_PathWithIds_TemplatesTheIds(string method, string path, string expected) => Assert.That(EndpointKey.For(method, path), Is.EqualTo(expected));

    [Test]
    public void ResponseDiffer_IgnoresNoise_FindsRealDifferences()
    {
        var ignore = new ReplayOptions().IgnoreFields;
        Assert.Multiple(() =>
        {
            Assert.That(ResponseDiffer.Compare(200, """{"id":"a","timestamp":"t1","slots":[{"price":40}]}""", 200, """{"id":"b","timestamp":"t2","slots":[{"price":40}]}""", ignore), Is.Null);
            Assert.That(ResponseDiffer.Compare(200, """{"slots":[{"price":40}]}""", 200, """{"slots":[{"price":45}]}""", ignore), Is.EqualTo("$.slots[0].price: 40 → 45"));
            Assert.That(ResponseDiffer.Compare(200, null, 500, null, ignore), Is.EqualTo("status 200 → 500"));
        });
    }

    [Test]
    public void ResponseDiffer_DifferingPaths_GeneralizesArrayIndices()
    {
        var paths = ResponseDiffer.DifferingPaths("""{"a":1,"list":[{"x":1},{"x":2}],"same":3}""", """{"a":2,"list":[{"x":5},{"x":6}],"same":3}""");
        Assert.That(paths, Is.EqualTo(new[] { "$.a", "$.list[*].x" }));
    }
}
