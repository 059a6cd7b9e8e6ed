using Bookiji.Actions.Core.Context;
using Octokit;
using Octokit.Internal;

namespace Bookiji.Actions.Core.GitHub;

/// <summary>Builds Octokit clients against <c>GITHUB_API_URL</c>, so GitHub Enterprise and loopback fakes work unchanged.</summary>
public static class GitHubClientFactory
{
    /// <summary>
    /// A client for <paramref name="context"/>'s API with <paramref name="token"/>, sending through the project's
    /// resilience pipeline (timeouts; retries with jitter on 5xx, 408, 429 and transport errors, honouring
    /// <c>Retry-After</c>). Octokit addresses any host but github.com under <c>/api/v3/</c>, as GitHub Enterprise
    /// Server does; fakes serve that prefix.
    /// </summary>
    public static GitHubClient Create(GitHubContext context, string? token, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var credentials = string.IsNullOrEmpty(token) ? Credentials.Anonymous : new Credentials(token);
        var connection = new Connection(
            new ProductHeaderValue("bookiji-actions", "1.0"),
            new Uri(context.ApiUrl),
            new InMemoryCredentialStore(credentials),
            new HttpClientAdapter(() => Http.ApiClient.CreateHandler(timeProvider)),
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }
}
