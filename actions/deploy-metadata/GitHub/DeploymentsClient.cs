using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.GitHub;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.DeployMetadata.GitHub;

/// <summary>
/// GitHub's Deployments API over the project's resilient HTTP pipeline, with source-generated JSON (this action is
/// published with Native AOT).
/// </summary>
public sealed class DeploymentsClient : IDisposable
{
    private const int PerPage = 100;
    private readonly HttpClient _http;
    private readonly string _repository;

    /// <summary>Creates a client for <paramref name="repository"/> at the context's API URL.</summary>
    public DeploymentsClient(GitHubContext context, RepositoryRef repository, string token, TimeProvider time, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(repository);
        _repository = repository.ToString();
        _http = GitHubRest.CreateClient(context.ApiUrl, token, handler ?? ApiClient.CreateHandler(time));
    }

    /// <summary>The deployments for <paramref name="sha"/> (or all) in <paramref name="environment"/>, newest first.</summary>
    public async Task<IReadOnlyList<GitHubDeployment>> ListAsync(string? sha, string environment, int maxPages, CancellationToken cancellationToken)
    {
        var all = new List<GitHubDeployment>();
        for (var page = 1; page <= maxPages; page++)
        {
            var query = $"repos/{_repository}/deployments?environment={Uri.EscapeDataString(environment)}&per_page={PerPage}&page={page}"
                + (sha is null ? string.Empty : $"&sha={Uri.EscapeDataString(sha)}");
            var items = await GetAsync(query, DeployMetadataJsonContext.Default.IReadOnlyListGitHubDeployment, cancellationToken);
            all.AddRange(items);
            if (items.Count < PerPage)
            {
                break;
            }
        }

        return all;
    }

    /// <summary>The statuses of one deployment, newest first (one page of 100).</summary>
    public Task<IReadOnlyList<GitHubDeploymentStatus>> ListStatusesAsync(long deploymentId, CancellationToken cancellationToken) =>
        GetAsync($"repos/{_repository}/deployments/{deploymentId}/statuses?per_page={PerPage}", DeployMetadataJsonContext.Default.IReadOnlyListGitHubDeploymentStatus, cancellationToken);

    /// <summary>Creates a deployment.</summary>
    public Task<GitHubDeployment> CreateAsync(NewGitHubDeployment deployment, CancellationToken cancellationToken) =>
        PostAsync($"repos/{_repository}/deployments", deployment, DeployMetadataJsonContext.Default.NewGitHubDeployment, DeployMetadataJsonContext.Default.GitHubDeployment, cancellationToken);

    /// <summary>Adds a status to a deployment.</summary>
    public Task<GitHubDeploymentStatus> CreateStatusAsync(long deploymentId, NewGitHubDeploymentStatus status, CancellationToken cancellationToken) =>
        PostAsync($"repos/{_repository}/deployments/{deploymentId}/statuses", status, DeployMetadataJsonContext.Default.NewGitHubDeploymentStatus, DeployMetadataJsonContext.Default.GitHubDeploymentStatus, cancellationToken);

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        return await ReadAsync(response, type, cancellationToken);
    }

    private async Task<TResult> PostAsync<TBody, TResult>(string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body, bodyType);
        using var response = await _http.PostAsync(path, content, cancellationToken);
        return await ReadAsync(response, resultType, cancellationToken);
    }

    private static Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        GitHubRest.ReadAsync(response, type, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
