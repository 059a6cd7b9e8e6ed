using Bookiji.Actions.Core.Context;
using Octokit;

namespace Bookiji.Actions.Core.GitHub;

/// <summary>Builds Octokit clients against <c>GITHUB_API_URL</c>, so GitHub Enterprise and loopback fakes work unchanged.</summary>
public static class GitHubClientFactory
{
    /// <summary>
    /// A client for <paramref name="context"/>'s API with <paramref name="token"/>. Octokit addresses any host but
    /// github.com under <c>/api/v3/</c>, as GitHub Enterprise Server does; fakes serve that prefix.
    /// </summary>
    public static GitHubClient Create(GitHubContext context, string? token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = new GitHubClient(new ProductHeaderValue("bookiji-actions", "1.0"), new Uri(context.ApiUrl));
        if (!string.IsNullOrEmpty(token))
        {
            client.Credentials = new Credentials(token);
        }

        return client;
    }
}
