using System.Net;
using Bookiji.Actions.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bookiji.Actions.Tests.Core.Http;

/// <summary>The retry and deadline policy on a fake clock: no sockets, no real waits.</summary>
[TestFixture]
public sealed class ApiClientPolicyTests
{
    private static readonly ApiClientOptions Options = new() { AttemptTimeout = TimeSpan.FromMinutes(5), TotalTimeout = TimeSpan.FromMinutes(10), FirstDelay = TimeSpan.FromMilliseconds(200) };

    /// <summary>Answers the queued responses in order, counting calls.</summary>
    private sealed class Script(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answers[Math.Min(Calls++, answers.Length - 1)]());
    }

    private static HttpResponseMessage Status(HttpStatusCode code, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage(code) { Content = new StringContent(code == HttpStatusCode.OK ? "ok" : string.Empty) };
        if (retryAfterSeconds is { } s)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(s));
        }

        return response;
    }

    [Test]
    public async Task Send_ServiceUnavailableThenRetryAfter_RetriesAndWaitsTheRetryAfterOnTheClock()
    {
        var clock = new FakeTimeProvider();
        var script = new Script(() => Status(HttpStatusCode.ServiceUnavailable), () => Status(HttpStatusCode.TooManyRequests, retryAfterSeconds: 7), () => Status(HttpStatusCode.OK));
        using var client = ApiClient.Create(clock, Options, script);
        var started = clock.GetUtcNow();
        var body = await ClockDriver.DriveAsync(clock, client.GetStringAsync(new Uri("http://api.invalid/x")));
        Assert.Multiple(() =>
        {
            Assert.That(body, Is.EqualTo("ok"));
            Assert.That(script.Calls, Is.EqualTo(3));
            Assert.That(clock.GetUtcNow() - started, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(7)), "the 429's Retry-After: 7 was waited for");
        });
    }

    [Test]
    public async Task Send_ForbiddenWithRetryAfter_IsASecondaryRateLimitAndRetried()
    {
        var clock = new FakeTimeProvider();
        var script = new Script(() => Status(HttpStatusCode.Forbidden, retryAfterSeconds: 2), () => Status(HttpStatusCode.OK));
        using var client = ApiClient.Create(clock, Options, script);
        var response = await ClockDriver.DriveAsync(clock, client.GetAsync(new Uri("http://api.invalid/x")));
        Assert.That((response.StatusCode, script.Calls), Is.EqualTo((HttpStatusCode.OK, 2)));
    }

    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.Forbidden)]
    [TestCase(HttpStatusCode.Unauthorized)]
    public async Task Send_ClientError_IsAnAnswerNotRetried(HttpStatusCode code)
    {
        var clock = new FakeTimeProvider();
        var script = new Script(() => Status(code), () => Status(HttpStatusCode.OK));
        using var client = ApiClient.Create(clock, Options, script);
        var response = await ClockDriver.DriveAsync(clock, client.GetAsync(new Uri("http://api.invalid/x")));
        Assert.That((response.StatusCode, script.Calls), Is.EqualTo((code, 1)));
    }

    [Test]
    public async Task Send_AlwaysFailing_StopsAfterTheRetriesAndReturnsTheLastAnswer()
    {
        var clock = new FakeTimeProvider();
        var script = new Script(() => Status(HttpStatusCode.BadGateway));
        using var client = ApiClient.Create(clock, Options, script);
        var response = await ClockDriver.DriveAsync(clock, client.GetAsync(new Uri("http://api.invalid/x")));
        Assert.That((response.StatusCode, script.Calls), Is.EqualTo((HttpStatusCode.BadGateway, 1 + Options.MaxRetries)));
    }
}
