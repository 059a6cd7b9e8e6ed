using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.GitHub;
using Octokit;

namespace Bookiji.Actions.EphemeralEnv.Sweep;

/// <summary>Looks up whether pull requests are open, a few at a time; a failed lookup leaves the state unknown (never "closed").</summary>
public static class PullRequestStates
{
    /// <summary>Open (true) or closed (false) for each number that could be looked up, and the problems met.</summary>
    public static async Task<(IReadOnlyDictionary<int, bool> States, IReadOnlyList<string> Problems)> LookupAsync(
        GitHubContext context, string token, IEnumerable<int> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var repository = context.Repository ?? throw new InvalidOperationException("GITHUB_REPOSITORY is not set.");
        var client = GitHubClientFactory.Create(context, token);
        var states = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(numbers.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (number, _) =>
        {
            try
            {
                var pull = await client.PullRequest.Get(repository.Owner, repository.Name, number);
                states[number] = pull.State.Value == ItemState.Open;
            }
            catch (ApiException ex)
            {
                problems.Add($"PR #{number}: {ex.Message} ({(int)ex.StatusCode})");
            }
            catch (HttpRequestException ex)
            {
                problems.Add($"PR #{number}: {ex.Message}");
            }
        });
        return (states, [.. problems]);
    }
}
