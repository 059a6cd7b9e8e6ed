using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.GitHub;
using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Core.PullRequests;
using Bookiji.Actions.Watchdog.Probes;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>
/// The incident issue on GitHub through the core's one REST client (<see cref="GitHubRest"/>: redirects are never
/// followed, so the token never reaches another origin; 5xx/429 retried honouring Retry-After): found by its labels
/// through the issues list API (the search API's index lags and made duplicates elsewhere), opened, commented,
/// closed. Every call is bounded by the caller's token.
/// </summary>
public sealed class IncidentManager : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _repository;
    private readonly IssueCommentsClient _comments;

    /// <summary>A manager for <paramref name="repository"/> at the context's API URL.</summary>
    public IncidentManager(GitHubContext context, RepositoryRef repository, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(repository);
        _repository = repository.ToString();
        _http = GitHubRest.CreateClient(context.ApiUrl, token);
        _comments = new IssueCommentsClient(context, repository, token);
    }

    /// <summary>Open incidents, oldest (lowest number) first; pull requests are left out.</summary>
    public async Task<IReadOnlyList<IncidentIssue>> FindOpenAsync(CancellationToken cancellationToken)
    {
        var labels = Uri.EscapeDataString(string.Join(',', IncidentText.Labels));
        using var response = await _http.GetAsync($"repos/{_repository}/issues?state=open&labels={labels}&sort=created&direction=asc&per_page=100&page=1", cancellationToken);
        var issues = await GitHubRest.ReadAsync(response, WatchdogJsonContext.Default.IReadOnlyListIncidentIssue, cancellationToken);
        // Defensive against a wrong-shaped answer or a server ignoring the label filter: only real issues carrying both labels count.
        return [.. issues
            .Where(i => i.PullRequest is null && i.Number > 0 && IncidentText.Labels.All(l => i.Labels?.Any(x => x.Name == l) == true))
            .OrderBy(i => i.Number)];
    }

    /// <summary>
    /// Whether this action's token opened <paramref name="issue"/>: the job's token acts as <c>github-actions[bot]</c>; a
    /// personal or app token as <paramref name="tokenLogin"/> (from <c>GET /user</c>, null when unknown).
    /// </summary>
    public static bool IsOurs(IncidentIssue issue, string? tokenLogin)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var login = issue.User?.Login;
        return login is not null && ((login == "github-actions[bot]" && issue.User?.Type == "Bot") || (tokenLogin is not null && login == tokenLogin));
    }

    /// <summary>The login the token acts as, or null when GitHub does not say (the job's token gets 403 there).</summary>
    public Task<string?> AuthenticatedLoginAsync(CancellationToken cancellationToken) => _comments.AuthenticatedLoginAsync(cancellationToken);

    /// <summary>Opens an incident.</summary>
    public async Task<IncidentIssue> OpenAsync(string body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(new IssueWrite { Title = IncidentText.Title, Body = body, Labels = IncidentText.Labels }, WatchdogJsonContext.Default.IssueWrite);
        using var response = await _http.PostAsync($"repos/{_repository}/issues", content, cancellationToken);
        return await GitHubRest.ReadAsync(response, WatchdogJsonContext.Default.IncidentIssue, cancellationToken);
    }

    /// <summary>Adds a comment.</summary>
    public Task CommentAsync(int number, string text, CancellationToken cancellationToken) => _comments.CreateAsync(number, text, cancellationToken);

    /// <summary>Rewrites the body (the marker), and closes the issue with <paramref name="closeReason"/> (completed, not_planned) when given.</summary>
    public async Task<IncidentIssue> UpdateAsync(int number, string? body, string? closeReason, CancellationToken cancellationToken)
    {
        var update = new IssueWrite { Body = body, State = closeReason is null ? null : "closed", StateReason = closeReason };
        using var content = JsonContent.Create(update, WatchdogJsonContext.Default.IssueWrite);
        using var response = await _http.PatchAsync($"repos/{_repository}/issues/{number.ToString(CultureInfo.InvariantCulture)}", content, cancellationToken);
        return await GitHubRest.ReadAsync(response, WatchdogJsonContext.Default.IncidentIssue, cancellationToken);
    }

    /// <summary>Closes <paramref name="duplicate"/> in favour of the older <paramref name="kept"/>.</summary>
    public async Task CloseDuplicateAsync(IncidentIssue duplicate, int kept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        await CommentAsync(duplicate.Number, IncidentText.DuplicateComment(kept), cancellationToken);
        await UpdateAsync(duplicate.Number, null, "not_planned", cancellationToken);
    }

    /// <summary>A failure of the GitHub side as one actionable sentence (no token, no upstream body).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: HttpStatusCode.Unauthorized } => "GitHub rejected the token (401 Bad credentials): check that github-token is a valid token for this repository.",
        HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests } => "GitHub rate-limited the watchdog (429) beyond the bounded retries; the next scheduled run will catch up.",
        HttpRequestException { StatusCode: HttpStatusCode.Forbidden } => "GitHub refused the request (403): the job needs 'permissions: issues: write' (or a rate limit was hit).",
        HttpRequestException { StatusCode: HttpStatusCode.NotFound } => "GitHub answered 404: check the repository and that the token can see its issues.",
        HttpRequestException { StatusCode: { } status } when (int)status is >= 300 and < 400 => $"GitHub answered a redirect ({(int)status}), which is not followed: the token is never sent elsewhere.",
        HttpRequestException { StatusCode: { } status } => $"GitHub answered {(int)status}.",
        OperationCanceledException or TimeoutException => "GitHub did not answer within the run's deadline.",
        System.Text.Json.JsonException => "GitHub's answer was not the JSON its API documents.",
        HttpRequestException or IOException => $"GitHub could not be reached ({Probe.Kind(HttpErrors.Classify(exception))}).",
        _ => $"GitHub call failed ({exception.GetType().Name}).",
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _comments.Dispose();
    }
}
