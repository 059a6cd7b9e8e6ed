using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Bookiji.Actions.Core.Http;

/// <summary>
/// The HTTP client for APIs an action depends on (GitHub, OpenAI, Sentry, a deploy's health endpoint): a Polly v8
/// pipeline with a bounded total deadline around retries with jittered exponential back-off that honour
/// <c>Retry-After</c>, each attempt with its own timeout. Redirects are not followed. Callers still catch every
/// failure at their boundary: after the last attempt the error or the last response comes back as is.
/// </summary>
public static class ApiClient
{
    /// <summary>The User-Agent every request carries.</summary>
    public const string UserAgent = "bookiji-actions/1.0";

    /// <summary>An <see cref="HttpClient"/> over <see cref="CreateHandler"/>, with the User-Agent set and no timeout of its own (the pipeline bounds it).</summary>
    public static HttpClient Create(TimeProvider? time = null, ApiClientOptions? options = null, HttpMessageHandler? innerHandler = null)
    {
        var client = new HttpClient(CreateHandler(time, options, innerHandler), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    /// <summary>
    /// The pipeline as a message handler around <paramref name="innerHandler"/> (a fresh socket handler without
    /// redirects when null), for clients that build their own <see cref="HttpClient"/> (the artifact download).
    /// </summary>
    public static HttpMessageHandler CreateHandler(TimeProvider? time = null, ApiClientOptions? options = null, HttpMessageHandler? innerHandler = null)
    {
        options ??= new ApiClientOptions();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time ?? TimeProvider.System };
        builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstDelay,
                MaxDelay = options.MaxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddTimeout(options.AttemptTimeout);
        return new ResilienceHandler(builder.Build()) { InnerHandler = innerHandler ?? new SocketsHttpHandler { AllowAutoRedirect = false } };
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
