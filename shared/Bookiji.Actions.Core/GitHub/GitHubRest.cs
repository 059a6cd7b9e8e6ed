using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.Core.GitHub;

/// <summary>
/// GitHub's REST API over the project's <see cref="ApiClient"/> pipeline with source-generated JSON:
/// the one GitHub client of every action: redirects are never followed (the token never reaches another origin), calls are cancellable at a deadline and Native AOT safe.
/// </summary>
public static class GitHubRest
{
    /// <summary>The REST API version every request asks for.</summary>
    public const string ApiVersion = "2022-11-28";

    /// <summary>The most a buffered answer may hold.</summary>
    public const int MaxResponseBytes = 8 * 1024 * 1024;

    /// <summary>
    /// A client for the API at <paramref name="apiUrl"/> with the token, media type, version and User-Agent set. Retry
    /// back-off waits in real time (an action's injected clock stamps results; it does not pace the network).
    /// </summary>
    public static HttpClient CreateClient(string apiUrl, string token, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        var http = new HttpClient(handler ?? ApiClient.CreateHandler(TimeProvider.System))
        {
            BaseAddress = new Uri(apiUrl.TrimEnd('/') + "/"),
            MaxResponseContentBufferSize = MaxResponseBytes,
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline bounds each call
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", ApiVersion);
        http.DefaultRequestHeaders.UserAgent.ParseAdd(ApiClient.UserAgent);
        return http;
    }

    /// <summary>The answer as <typeparamref name="T"/>; a non-success status is an <see cref="HttpRequestException"/> carrying it.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new HttpRequestException("GitHub answered null where a JSON value was expected.");
    }

    /// <summary>The failure for a non-success answer: its status and the start of its body.</summary>
    public static async Task<HttpRequestException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new HttpRequestException($"GitHub answered {(int)response.StatusCode} {response.ReasonPhrase}: {text[..Math.Min(text.Length, 300)]}", null, response.StatusCode);
    }
}
