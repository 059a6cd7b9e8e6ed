using System.Net;
using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Watchdog.Probes;
using Octokit;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>
/// The incident issue on GitHub through Octokit: found by its labels through the issues list API (the search API's
/// index lags and made duplicates elsewhere), opened, commented, closed. Every call is bounded by the caller's
/// token; the API client under Octokit retries 5xx/429/secondary-limit 403 honouring Retry-After.
/// </summary>
/// <param name="Client">The Octokit client (from <c>GitHubClientFactory</c>).</param>
/// <param name="Repository">The repository.</param>
public sealed record IncidentManager(IGitHubClient Client, RepositoryRef Repository)
{
    /// <summary>Open incidents, oldest (lowest number) first; pull requests are left out.</summary>
    public async Task<IReadOnlyList<Issue>> FindOpenAsync(CancellationToken cancellationToken)
    {
        var request = new RepositoryIssueRequest { State = ItemStateFilter.Open, SortProperty = IssueSort.Created, SortDirection = SortDirection.Ascending };
        foreach (var label in IncidentText.Labels)
        {
            request.Labels.Add(label);
        }

        var issues = await Client.Issue.GetAllForRepository(Repository.Owner, Repository.Name, request, new ApiOptions { PageSize = 100, PageCount = 1, StartPage = 1 })
            .WaitAsync(cancellationToken);
        // Defensive against a wrong-shaped answer (an object read as a one-item list has number 0) or a server
        // ignoring the label filter: only real issues carrying both labels count.
        return [.. issues
            .Where(i => i.PullRequest is null && i.Number > 0 && IncidentText.Labels.All(l => i.Labels?.Any(x => x.Name == l) == true))
            .OrderBy(i => i.Number)];
    }

    /// <summary>Opens an incident.</summary>
    public Task<Issue> OpenAsync(string body, CancellationToken cancellationToken)
    {
        var issue = new NewIssue(IncidentText.Title) { Body = body };
        foreach (var label in IncidentText.Labels)
        {
            issue.Labels.Add(label);
        }

        return Client.Issue.Create(Repository.Owner, Repository.Name, issue).WaitAsync(cancellationToken);
    }

    /// <summary>Adds a comment.</summary>
    public Task CommentAsync(int number, string text, CancellationToken cancellationToken) =>
        Client.Issue.Comment.Create(Repository.Owner, Repository.Name, number, text).WaitAsync(cancellationToken);

    /// <summary>Rewrites the body (the marker), and closes the issue when <paramref name="close"/> says how.</summary>
    public Task<Issue> UpdateAsync(int number, string body, ItemStateReason? close, CancellationToken cancellationToken)
    {
        var update = new IssueUpdate { Body = body };
        if (close is { } reason)
        {
            update.State = ItemState.Closed;
            update.StateReason = reason;
        }

        return Client.Issue.Update(Repository.Owner, Repository.Name, number, update).WaitAsync(cancellationToken);
    }

    /// <summary>Closes <paramref name="duplicate"/> in favour of the older <paramref name="kept"/>.</summary>
    public async Task CloseDuplicateAsync(Issue duplicate, int kept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        await CommentAsync(duplicate.Number, IncidentText.DuplicateComment(kept), cancellationToken);
        var update = new IssueUpdate { State = ItemState.Closed, StateReason = ItemStateReason.NotPlanned };
        await Client.Issue.Update(Repository.Owner, Repository.Name, duplicate.Number, update).WaitAsync(cancellationToken);
    }

    /// <summary>A failure of the GitHub side as one actionable sentence (no token, no upstream body beyond its message).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AuthorizationException => "GitHub rejected the token (401 Bad credentials): check that github-token is a valid token for this repository.",
        RateLimitExceededException or SecondaryRateLimitExceededException =>
            "GitHub rate-limited the watchdog (403/429) beyond the bounded retries; the next scheduled run will catch up.",
        ForbiddenException => "GitHub refused the request (403): the job needs 'permissions: issues: write'.",
        NotFoundException => "GitHub answered 404: check the repository and that the token can see its issues.",
        ApiException api when api.StatusCode == (HttpStatusCode)429 => "GitHub rate-limited the watchdog (429) beyond the bounded retries; the next scheduled run will catch up.",
        ApiException api => $"GitHub answered {(int)api.StatusCode}.",
        OperationCanceledException or TimeoutException => "GitHub did not answer within the run's deadline.",
        HttpRequestException or IOException => $"GitHub could not be reached ({Probe.Kind(HttpErrors.Classify(exception))}).",
        _ => $"GitHub call failed ({exception.GetType().Name}).",
    };
}
