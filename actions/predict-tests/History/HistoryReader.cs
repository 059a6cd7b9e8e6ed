using System.Text;
using Bookiji.Actions.PredictTests.Changes;

namespace Bookiji.Actions.PredictTests.History;

/// <summary>
/// Reads the co-change history from git log: a bounded number of non-merge commits reachable from a revision,
/// within a time limit. Fails safe: a shallow clone, a failing git or a timeout give no history (the planner
/// then keeps the full import-graph selection), with the reason.
/// </summary>
public static class HistoryReader
{
    /// <summary>Commits that change more files than this are bulk edits (formatting, renames) and carry no signal.</summary>
    public const int MaxFilesPerCommit = 100;

    /// <summary>The time reading the history may take before the plan goes on without it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Reads up to <paramref name="commits"/> commits reachable from <paramref name="revision"/>, newest first.</summary>
    public static async Task<(CoChangeHistory? History, string Note)> ReadAsync(GitRepository git, string revision, int commits, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        if (commits <= 0)
        {
            return (null, "history-commits is 0: co-change ranking is off");
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            if (await git.IsShallowAsync(bounded.Token))
            {
                return (null, "the clone is shallow (fetch-depth: 0 gives the ranking its history)");
            }

            var (code, output, error) = await git.RunAsync(
                ["log", "--no-merges", "--no-renames", "-z", "--name-only", "--format=%x01%H", $"--max-count={commits}", "--end-of-options", revision, "--"], bounded.Token);
            if (code != 0)
            {
                return (null, $"git log failed: {error}");
            }

            var history = Parse(output);
            return history.Count == 0 ? (null, "no earlier commits") : (history, $"{history.Count} earlier commit(s) read");
        }
#pragma warning disable CA1031 // History only narrows a selection: any failure keeps the full import-graph selection.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return (null, ex is OperationCanceledException ? $"reading the history took longer than {timeout.TotalSeconds:0} s" : $"the history could not be read: {ex.Message}");
        }
    }

    /// <summary>Parses <c>git log -z --name-only --format=%x01%H</c> output; bulk commits are dropped.</summary>
    internal static CoChangeHistory Parse(byte[] output)
    {
        var commits = new List<CoChangeCommit>();
        string? sha = null;
        var files = new List<string>();
        void Flush()
        {
            // Bulk commits stay in the list without their files, so positions still match the log.
            if (sha is not null)
            {
                commits.Add(new CoChangeCommit(sha, files.Count <= MaxFilesPerCommit ? [.. files] : []));
            }

            files.Clear();
        }

        foreach (var raw in Encoding.UTF8.GetString(output).Split('\0'))
        {
            var token = raw.TrimStart('\n');
            if (token.StartsWith('\u0001'))
            {
                Flush();
                sha = token[1..];
            }
            else if (token.Length > 0)
            {
                files.Add(token);
            }
        }

        Flush();
        return new CoChangeHistory(commits);
    }
}
