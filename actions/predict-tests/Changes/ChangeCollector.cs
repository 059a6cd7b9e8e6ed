using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.GitHub;

namespace Bookiji.Actions.PredictTests.Changes;

/// <summary>
/// Collects the changed files: from the pull request through the GitHub API (paginated) when possible, else —
/// on any API failure (refused, garbage, wrong shape, hanging past the bound), outside a PR, or when the API's
/// 3,000-file cap truncates the list — with <c>git diff</c> from the true merge base, deepening a shallow clone
/// as needed. A list that cannot be made complete is marked so.
/// </summary>
public static partial class ChangeCollector
{
    /// <summary>The API's documented cap on listed PR files.</summary>
    public const int ApiFileCap = 3000;

    private const string ZeroSha = "0000000000000000000000000000000000000000";

    /// <summary>Collects the changes for this run; the API phase takes at most <paramref name="apiTimeout"/>.</summary>
    public static async Task<ChangeSet> CollectAsync(GitHubContext context, GitRepository git, string? token, string? baseRef, string? headRef, TimeSpan apiTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(git);
        var problems = new List<string>();
        if (context.PullRequestNumber is { } number && !string.IsNullOrEmpty(token) && context.Repository is { } repo && baseRef is null && headRef is null)
        {
            var (files, problem) = await FromApiAsync(context, token, repo, number, apiTimeout, cancellationToken);
            if (files is not null)
            {
                return new ChangeSet(files, $"GitHub API (PR #{number})", true, problems);
            }

            problems.Add(problem ?? "The GitHub API gave no file list; using git diff instead.");
        }

        return await FromGitAsync(context, git, baseRef, headRef, problems, cancellationToken);
    }

    private static async Task<(IReadOnlyList<ChangedFile>? Files, string? Problem)> FromApiAsync(GitHubContext context, string token, RepositoryRef repo, int number, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // One bound over the whole phase (pages and retries), through the core's client: no redirect is followed.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            var (files, changedFiles) = await ListAsync(context, token, repo, number, bound.Token);
            if (files.Any(f => string.IsNullOrEmpty(f.FileName)))
            {
                return (null, "The GitHub API answered files without names (not the documented shape); using git diff instead.");
            }

            if (files.Count >= ApiFileCap || changedFiles > files.Count)
            {
                return (null, $"The GitHub API listed {files.Count} of the PR's {changedFiles} changed files (it stops at {ApiFileCap}); using git diff instead.");
            }

            return ([.. files.Select(ToChangedFile)], null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"The GitHub API did not answer within {timeout.TotalSeconds:0.#} s; using git diff instead.");
        }
#pragma warning disable CA1031 // An optional upstream: any failure (refused, reset, garbage, wrong shape) falls back to git diff.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return (null, $"The GitHub API failed ({ex.GetType().Name}: {FirstLine(ex.Message)}); using git diff instead.");
        }
    }

    private static async Task<(IReadOnlyList<PullRequestFile> Files, int ChangedFiles)> ListAsync(GitHubContext context, string token, RepositoryRef repo, int number, CancellationToken cancellationToken)
    {
        using var http = GitHubRest.CreateClient(context.ApiUrl, token);
        var files = new List<PullRequestFile>();
        // 100 per page; the API stops at 3,000 files (30 pages), the one page past it tells a truncated list apart.
        for (var page = 1; page <= (ApiFileCap / 100) + 1; page++)
        {
            using var response = await http.GetAsync($"repos/{repo}/pulls/{number}/files?per_page=100&page={page}", cancellationToken);
            var items = await GitHubRest.ReadAsync(response, PredictTestsJsonContext.Default.IReadOnlyListPullRequestFile, cancellationToken);
            files.AddRange(items.Where(f => f is not null));
            if (items.Count < 100)
            {
                break;
            }
        }

        using var pullResponse = await http.GetAsync($"repos/{repo}/pulls/{number}", cancellationToken);
        var pull = await GitHubRest.ReadAsync(pullResponse, PredictTestsJsonContext.Default.PullRequestInfo, cancellationToken);
        return (files, pull.ChangedFiles ?? files.Count);
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
        var baseRevision = baseRef ?? Sha(context.PullRequestBaseSha) ?? (Sha(before) is { } sha && sha != ZeroSha ? sha : null) ?? "HEAD~1";
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
            problems.Add($"git diff {Short(mergeBase)} {head} failed.");
            return new ChangeSet([], "git diff", false, problems);
        }

        return new ChangeSet(files, $"git diff {Short(mergeBase)}...{head}", true, problems) { Base = mergeBase };
    }

    /// <summary>A commit SHA from the event payload, or null when it is not one (it then never reaches git).</summary>
    private static string? Sha(string? text) => text is not null && FullSha().IsMatch(text) ? text : null;

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static ChangedFile ToChangedFile(PullRequestFile file) => file.Status switch
    {
        "added" => new ChangedFile(file.FileName!, ChangeKind.Added),
        "removed" => new ChangedFile(file.FileName!, ChangeKind.Removed),
        "renamed" when !string.IsNullOrEmpty(file.PreviousFileName) => new ChangedFile(file.FileName!, ChangeKind.Renamed, file.PreviousFileName),
        _ => new ChangedFile(file.FileName!, ChangeKind.Modified),
    };

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex FullSha();
}
