using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Bookiji.Actions.Core.Http;

/// <summary>
/// The HTTP clients actions use, from <c>IHttpClientFactory</c>: <see cref="ApiClient"/> with a Polly v8
/// pipeline (per-attempt and total timeouts, 3 retries with jittered exponential back-off that honour
/// <c>Retry-After</c>), and <see cref="RawClient"/> with none, for measuring a service as it is.
/// </summary>
public static class HttpServices
{
    /// <summary>The resilient client, for APIs (GitHub, OpenAI, Sentry, health checks).</summary>
    public const string ApiClient = "bookiji-api";

    /// <summary>The client without retries or timeouts of its own, for load generation and probes that must see every failure.</summary>
    public const string RawClient = "bookiji-raw";

    /// <summary>The User-Agent every request carries.</summary>
    public const string UserAgent = "bookiji-actions/1.0";

    /// <summary>Builds the service provider; <paramref name="configure"/> may add or override registrations.</summary>
    public static ServiceProvider Build(TimeProvider timeProvider, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddHttpClient(ApiClient, client => client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent))
            .AddResilienceHandler("api", ConfigureApiPipeline);
        services.AddHttpClient(RawClient, client =>
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// A message handler with the API pipeline around a fresh socket handler, for clients that are not made by
    /// the factory (Octokit builds its own HttpClient from a handler).
    /// </summary>
    public static HttpMessageHandler CreateApiHandler(TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        ConfigureApiPipeline(builder);
        return new ResilienceHandler(builder.Build()) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
    }

    private static void ConfigureApiPipeline(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder
            .AddTimeout(TimeSpan.FromSeconds(60))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(20),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddTimeout(TimeSpan.FromSeconds(15));
    }

    /// <summary>
    /// Transport errors, timeouts, 408, 429, 5xx and a 403 carrying <c>Retry-After</c> (GitHub's secondary rate
    /// limit) are retried; everything else is an answer.
    /// </summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.Forbidden && response.Headers.RetryAfter is not null)
            || (int)response.StatusCode >= 500,
        _ => false,
    };
}
