using System.Text;
using CliWrap;
using Bookiji.Actions.PredictTests.Changes;

namespace Bookiji.Actions.PredictTests.Evaluate;

/// <summary>Reads trees and blobs of past commits without checking them out (ls-tree, cat-file --batch).</summary>
public sealed class GitObjects(GitRepository git)
{
    /// <summary>Path → blob SHA of every file in <paramref name="commit"/>.</summary>
    public async Task<Dictionary<string, string>> TreeAsync(string commit, CancellationToken cancellationToken)
    {
        var (code, output, error) = await git.RunAsync(["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", commit], cancellationToken);
        if (code != 0)
        {
            throw new InvalidOperationException($"git ls-tree {commit} failed: {error}");
        }

        var tree = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <sha>\t<path>"
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var head = entry[..tab].Split(' ');
            if (head.Length == 3 && head[1] == "blob")
            {
                tree[entry[(tab + 1)..]] = head[2];
            }
        }

        return tree;
    }

    /// <summary>The text of each blob, read in one <c>cat-file --batch</c>.</summary>
    public async Task<Dictionary<string, string>> BlobsAsync(IReadOnlyCollection<string> shas, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (shas.Count == 0)
        {
            return result;
        }

        using var output = new MemoryStream();
        await Cli.Wrap("git").WithArguments(["-c", "safe.directory=*", "cat-file", "--batch"]).WithWorkingDirectory(git.Directory)
            .WithStandardInputPipe(PipeSource.FromString(string.Join('\n', shas) + "\n"))
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .ExecuteAsync(cancellationToken);
        var bytes = output.ToArray();
        var position = 0;
        while (position < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', position);
            if (newline < 0)
            {
                break;
            }

            var header = Encoding.ASCII.GetString(bytes, position, newline - position).Split(' ');
            position = newline + 1;
            if (header.Length < 3 || !int.TryParse(header[2], out var size))
            {
                continue; // "<sha> missing"
            }

            result[header[0]] = Encoding.UTF8.GetString(bytes, position, size);
            position += size + 1;
        }

        return result;
    }
}
