using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.DeployMetadata.Vercel;

/// <summary>
/// The two Vercel REST calls a rollback needs: find the production deployment built from a commit
/// (<c>GET /v6/deployments</c>) and promote it without rebuilding (<c>POST /v10/projects/{id}/promote/{deploymentId}</c>).
/// </summary>
public sealed class VercelClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string? _teamQuery;
    private readonly TimeProvider _time;

    /// <summary>Creates a client for the API at <paramref name="apiUrl"/> (https://api.vercel.com by default).</summary>
    public VercelClient(Uri apiUrl, string token, string? teamId, TimeProvider time, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        _http = new HttpClient(handler ?? ApiClient.CreateHandler(time)) { BaseAddress = new Uri(apiUrl.ToString().TrimEnd('/') + "/"), MaxResponseContentBufferSize = 8 * 1024 * 1024 };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(ApiClient.UserAgent);
        _teamQuery = string.IsNullOrEmpty(teamId) ? null : "teamId=" + Uri.EscapeDataString(teamId);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many pages of 100 production deployments are read before giving up (newest first).</summary>
    public const int MaxPages = 20;

    /// <summary>
    /// The most the whole search takes, every page and retry included: as long as one page could take before
    /// pagination, so a slow or endless upstream cannot hold the rollback for <see cref="MaxPages"/> times that.
    /// </summary>
    public static readonly TimeSpan SearchDeadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The newest READY production deployment of <paramref name="projectId"/> built from <paramref name="sha"/>, if
    /// any among the newest <see cref="MaxPages"/> × 100, reading older pages (<c>until</c> = the previous page's
    /// <c>pagination.next</c>) only while it is not found.
    /// </summary>
    public async Task<VercelDeployment?> FindProductionDeploymentAsync(string projectId, string sha, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(SearchDeadline, _time);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var page = 0;
        try
        {
            long? until = null;
            for (; page < MaxPages; page++)
            {
                bound.Token.ThrowIfCancellationRequested();
                var path = $"v6/deployments?projectId={Uri.EscapeDataString(projectId)}&target=production&limit=100"
                    + (until is { } before ? "&until=" + before.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
                    + (_teamQuery is null ? string.Empty : "&" + _teamQuery);
                using var response = await _http.GetAsync(path, bound.Token);
                await EnsureSuccessAsync(response, bound.Token);
                var list = await response.Content.ReadFromJsonAsync(DeployMetadataJsonContext.Default.VercelDeploymentList, bound.Token);
                var found = list?.Deployments
                    .Where(d => d.IsReady && IsDeploymentId(d.Uid) && d.Meta is not null && d.Meta.TryGetValue("githubCommitSha", out var commit) && string.Equals(commit, sha, StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(d => d.Created)
                    .FirstOrDefault();
                // A next cursor that does not move back in time would loop: stop there as on the last page.
                if (found is not null || list?.Pagination?.Next is not { } next || (until is { } previous && next >= previous))
                {
                    return found;
                }

                until = next;
            }

            return null;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Vercel's production deployments were not searched within {SearchDeadline.TotalSeconds:0} s ({page} page(s) read)");
        }
    }

    /// <summary>Vercel ids are <c>dpl_</c> plus letters and digits; anything else from upstream is not used (it is logged and put in a path).</summary>
    internal static bool IsDeploymentId(string? uid) => uid is { Length: > 0 and <= 64 } && uid.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Points production at <paramref name="deploymentId"/> (201/202); 409 means Vercel cannot promote it.</summary>
    public async Task PromoteAsync(string projectId, string deploymentId, CancellationToken cancellationToken)
    {
        var path = $"v10/projects/{Uri.EscapeDataString(projectId)}/promote/{Uri.EscapeDataString(deploymentId)}" + (_teamQuery is null ? string.Empty : "?" + _teamQuery);
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var hint = response.StatusCode == HttpStatusCode.Conflict ? " (Vercel cannot promote this deployment now)" : string.Empty;
        throw new HttpRequestException($"Vercel answered {(int)response.StatusCode}{hint}: {text[..Math.Min(text.Length, 300)]}", null, response.StatusCode);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
