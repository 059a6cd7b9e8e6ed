using System.Collections.Concurrent;
using System.Text.Json;
using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.GitHub;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.EphemeralEnv.Sweep;

/// <summary>
/// Looks up whether pull requests are open, a few at a time, within one deadline for all of them. The GitHub API is
/// an optional upstream here: whatever it does (refuses, resets, answers garbage or the wrong shape, hangs), a
/// number it did not answer properly stays unknown (never "closed"), so the TTL rule alone decides for it.
/// </summary>
public static class PullRequestStates
{
    /// <summary>The largest answer read for one pull request; GitHub's are a few kilobytes.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>Open (true) or closed (false) for each number that could be read, and one problem line for each other.</summary>
    public static async Task<PullRequestLookup> LookupAsync(
        GitHubContext context, RepositoryRef repository, string token, IEnumerable<int> numbers, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(repository);
        // The pipeline (retries with Retry-After, per-attempt timeouts) runs on the wall clock; the deadline bounds it all.
        using var client = GitHubRest.CreateClient(context.ApiUrl, token);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(deadline);
        var states = new ConcurrentDictionary<int, bool>();
        var problems = new ConcurrentBag<string>();
        var api = context.ApiUrl.TrimEnd('/');
        await Parallel.ForEachAsync(numbers.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (number, _) =>
        {
            try
            {
                var url = $"{api}/repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}/pulls/{number}";
                var (open, problem) = await ReadStateAsync(client, url, budget.Token);
                if (open is { } value)
                {
                    states[number] = value;
                }
                else
                {
                    problems.Add($"PR #{number}: {problem}");
                }
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                problems.Add($"PR #{number}: GitHub did not answer within {deadline.TotalSeconds:0.#} s (github-timeout)");
            }
#pragma warning disable CA1031 // An optional upstream: any failure leaves this one state unknown, and the TTL rule decides.
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                problems.Add($"PR #{number}: {ex.GetType().Name}: {ex.Message}");
            }
        });
        return new PullRequestLookup(states, [.. problems.Order(StringComparer.Ordinal)]);
    }

    private static async Task<(bool? Open, string? Problem)> ReadStateAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, $"GitHub answered HTTP {(int)response.StatusCode}");
        }

        var body = await ReadBoundedAsync(response.Content, cancellationToken);
        if (body is null)
        {
            return (null, $"the answer is over {MaxAnswerBytes:N0} bytes; not read");
        }

        try
        {
            return JsonSerializer.Deserialize(body, SweepJsonContext.Default.PullRequestState)?.State switch
            {
                "open" => (true, null),
                "closed" => (false, null),
                var other => (null, $"the answer has no state open or closed ({(other is null ? "none" : "'" + Shorten(other) + "'")})"),
            };
        }
        catch (JsonException ex)
        {
            return (null, $"the answer is not a pull request ({Shorten(ex.Message)})");
        }
    }

    /// <summary>The answer, or null past the bound (a declared length over it is refused before reading).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var body = await BoundedBody.ReadHeadAsync(stream, MaxAnswerBytes, cancellationToken);
        return body.Cut ? null : body.Bytes.ToArray();
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
