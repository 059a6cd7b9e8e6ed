using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.GitHub;
using Octokit;

namespace Bookiji.Actions.PredictTests.Changes;

/// <summary>
/// Collects the changed files: from the pull request through the GitHub API (paginated) when possible, else —
/// on API failure, outside a PR, or when the API's 3,000-file cap truncates the list — with <c>git diff</c> from the
/// true merge base, deepening a shallow clone as needed. A list that cannot be made complete is marked so.
/// </summary>
public static class ChangeCollector
{
    /// <summary>The API's documented cap on listed PR files.</summary>
    public const int ApiFileCap = 3000;

    private const string ZeroSha = "0000000000000000000000000000000000000000";

    /// <summary>Collects the changes for this run.</summary>
    public static async Task<ChangeSet> CollectAsync(GitHubContext context, GitRepository git, string? token, string? baseRef, string? headRef, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(git);
        var problems = new List<string>();
        if (context.PullRequestNumber is { } number && !string.IsNullOrEmpty(token) && context.Repository is { } repo && baseRef is null && headRef is null)
        {
            try
            {
                var client = GitHubClientFactory.Create(context, token);
                var files = await client.PullRequest.Files(repo.Owner, repo.Name, number, new ApiOptions { PageSize = 100 });
                var pull = await client.PullRequest.Get(repo.Owner, repo.Name, number);
                if (files.Count >= ApiFileCap || pull.ChangedFiles > files.Count)
                {
                    problems.Add($"The GitHub API listed {files.Count} of the PR's {pull.ChangedFiles} changed files (it stops at {ApiFileCap}); using git diff instead.");
                }
                else
                {
                    return new ChangeSet([.. files.Select(ToChangedFile)], $"GitHub API (PR #{number})", true, problems);
                }
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException or TaskCanceledException)
            {
                problems.Add($"The GitHub API failed ({ex.Message}); using git diff instead.");
            }
        }

        return await FromGitAsync(context, git, baseRef, headRef, problems, cancellationToken);
    }

    private static async Task<ChangeSet> FromGitAsync(GitHubContext context, GitRepository git, string? baseRef, string? headRef, List<string> problems, CancellationToken cancellationToken)
    {
        if (!await git.IsRepositoryAsync(cancellationToken))
        {
            problems.Add($"{git.Directory} is not a git repository (check out the code first).");
            return new ChangeSet([], "none", false, problems);
        }

        var head = headRef ?? "HEAD";
        var before = context.Payload["before"] is System.Text.Json.Nodes.JsonValue b && b.TryGetValue<string>(out var text) ? text : null;
        var baseRevision = baseRef ?? context.PullRequestBaseSha ?? (before is { Length: 40 } && before != ZeroSha ? before : null) ?? "HEAD~1";
        if (await git.ResolveAsync(baseRevision, cancellationToken) is null && await git.FetchAsync(baseRevision, cancellationToken))
        {
            problems.Add($"Fetched {baseRevision} from origin: it was not in the clone.");
        }

        var mergeBase = await git.MergeBaseAsync(baseRevision, head, cancellationToken);
        for (var depth = 50; mergeBase is null && depth <= 3200 && await git.IsShallowAsync(cancellationToken); depth *= 4)
        {
            if (!await git.DeepenAsync(depth, cancellationToken))
            {
                problems.Add("The clone is shallow and more history could not be fetched from origin.");
                break;
            }

            problems.Add($"Shallow clone: fetched {depth} more commits to find the merge base of {baseRevision} and {head}.");
            mergeBase = await git.MergeBaseAsync(baseRevision, head, cancellationToken);
        }

        if (mergeBase is null)
        {
            problems.Add($"Could not find the merge base of {baseRevision} and {head} (is the base fetched? use fetch-depth: 0 or let the action fetch from origin).");
            return new ChangeSet([], $"git diff {baseRevision}...{head}", false, problems);
        }

        var files = await git.DiffAsync(mergeBase, head, cancellationToken);
        if (files is null)
        {
            problems.Add($"git diff {mergeBase[..Math.Min(12, mergeBase.Length)]} {head} failed.");
            return new ChangeSet([], "git diff", false, problems);
        }

        return new ChangeSet(files, $"git diff {Short(mergeBase)}...{head}", true, problems);
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static ChangedFile ToChangedFile(PullRequestFile file) => file.Status switch
    {
        "added" => new ChangedFile(file.FileName, ChangeKind.Added),
        "removed" => new ChangedFile(file.FileName, ChangeKind.Removed),
        "renamed" => new ChangedFile(file.FileName, ChangeKind.Renamed, file.PreviousFileName),
        _ => new ChangedFile(file.FileName, ChangeKind.Modified),
    };
}
