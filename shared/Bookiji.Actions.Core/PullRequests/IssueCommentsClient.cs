using System.Net;
using System.Net.Http.Json;
using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.GitHub;

namespace Bookiji.Actions.Core.PullRequests;

/// <summary>GitHub's issue-comment endpoints (pull requests are issues here), over the project's resilient pipeline.</summary>
public sealed class IssueCommentsClient : IDisposable
{
    private const int PerPage = 100;
    private const int MaxPages = 10;
    private readonly HttpClient _http;
    private readonly string _repository;

    /// <summary>Creates a client for <paramref name="repository"/> at the context's API URL.</summary>
    public IssueCommentsClient(GitHubContext context, RepositoryRef repository, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(repository);
        _repository = repository.ToString();
        _http = GitHubRest.CreateClient(context.ApiUrl, token);
    }

    /// <summary>The comments of issue or pull request <paramref name="number"/>, oldest first (at most 1,000).</summary>
    public async Task<IReadOnlyList<IssueComment>> ListAsync(int number, CancellationToken cancellationToken)
    {
        var all = new List<IssueComment>();
        for (var page = 1; page <= MaxPages; page++)
        {
            using var response = await _http.GetAsync($"repos/{_repository}/issues/{number}/comments?per_page={PerPage}&page={page}", cancellationToken);
            var items = await ReadAsync(response, PrCommentJsonContext.Default.IReadOnlyListIssueComment, cancellationToken);
            all.AddRange(items);
            if (items.Count < PerPage)
            {
                break;
            }
        }

        return all;
    }

    /// <summary>One comment, or null when it no longer exists.</summary>
    public async Task<IssueComment?> GetAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"repos/{_repository}/issues/comments/{id}", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, PrCommentJsonContext.Default.IssueComment, cancellationToken);
    }

    /// <summary>
    /// The login the token acts as (<c>GET /user</c>), or <c>null</c> when GitHub does not say: the job's
    /// <c>GITHUB_TOKEN</c> gets 403 there (its comments are recognised as a bot's instead), and any other status
    /// also means "unknown". Garbage and transport failures throw: callers bound the call and catch them.
    /// </summary>
    public async Task<string?> AuthenticatedLoginAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("user", cancellationToken);
        return response.IsSuccessStatusCode ? (await ReadAsync(response, PrCommentJsonContext.Default.CommentAuthor, cancellationToken)).Login : null;
    }

    /// <summary>Creates a comment.</summary>
    public async Task<IssueComment> CreateAsync(int number, string body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(new IssueCommentRequest(body), PrCommentJsonContext.Default.IssueCommentRequest);
        using var response = await _http.PostAsync($"repos/{_repository}/issues/{number}/comments", content, cancellationToken);
        return await ReadAsync(response, PrCommentJsonContext.Default.IssueComment, cancellationToken);
    }

    /// <summary>Replaces a comment's body.</summary>
    public async Task UpdateAsync(long id, string body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(new IssueCommentRequest(body), PrCommentJsonContext.Default.IssueCommentRequest);
        using var response = await _http.PatchAsync($"repos/{_repository}/issues/comments/{id}", content, cancellationToken);
        await ReadAsync(response, PrCommentJsonContext.Default.IssueComment, cancellationToken);
    }

    /// <summary>Deletes a comment (already gone is fine).</summary>
    public async Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync($"repos/{_repository}/issues/comments/{id}", cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw await FailureAsync(response, cancellationToken);
        }
    }

    private static Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        GitHubRest.ReadAsync(response, type, cancellationToken);

    private static Task<HttpRequestException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        GitHubRest.FailureAsync(response, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
