using System.Text;
using CliWrap;

namespace Bookiji.Actions.PredictTests.Changes;

/// <summary>
/// The git commands the action needs, run with CliWrap; raw output decoded as UTF-8 (bad bytes become U+FFFD).
/// Every revision that may come from a user goes after <c>--end-of-options</c>, so it can never be read as an
/// option (<c>--upload-pack=…</c> would run a command).
/// </summary>
public sealed class GitRepository(string directory)
{
    /// <summary>The working tree.</summary>
    public string Directory { get; } = directory;

    /// <summary>Runs git; returns the exit code and raw standard output.</summary>
    public async Task<(int ExitCode, byte[] Output, string Error)> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        var error = new StringBuilder();
        var result = await Cli.Wrap("git")
            // safe.directory: in a container action the workspace belongs to the runner user, not root.
            .WithArguments(["-c", "core.quotepath=off", "-c", "safe.directory=*", .. arguments])
            .WithWorkingDirectory(Directory)
            .WithEnvironmentVariables(env => env.Set("GIT_TERMINAL_PROMPT", "0").Set("LC_ALL", "C"))
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(error))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(cancellationToken);
        return (result.ExitCode, output.ToArray(), error.ToString().Trim());
    }

    /// <summary>Runs git and returns trimmed text output, or <c>null</c> when it fails.</summary>
    public async Task<string?> TextAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var (code, output, _) = await RunAsync(arguments, cancellationToken);
        return code == 0 ? Encoding.UTF8.GetString(output).Trim() : null;
    }

    /// <summary>Whether the directory is inside a git work tree.</summary>
    public async Task<bool> IsRepositoryAsync(CancellationToken cancellationToken = default) =>
        await TextAsync(["rev-parse", "--is-inside-work-tree"], cancellationToken) == "true";

    /// <summary>Whether the clone is shallow.</summary>
    public async Task<bool> IsShallowAsync(CancellationToken cancellationToken = default) =>
        await TextAsync(["rev-parse", "--is-shallow-repository"], cancellationToken) == "true";

    /// <summary>The full SHA of a revision, or <c>null</c> when it is not here.</summary>
    public Task<string?> ResolveAsync(string revision, CancellationToken cancellationToken = default) =>
        TextAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], cancellationToken);

    /// <summary>The merge base of two revisions, or <c>null</c>.</summary>
    public Task<string?> MergeBaseAsync(string a, string b, CancellationToken cancellationToken = default) =>
        TextAsync(["merge-base", "--end-of-options", a, b], cancellationToken);

    /// <summary>Tracked and untracked-but-not-ignored files, '/'-separated.</summary>
    public async Task<IReadOnlyList<string>> ListFilesAsync(string? revision = null, CancellationToken cancellationToken = default)
    {
        var (code, output, error) = revision is null
            ? await RunAsync(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], cancellationToken)
            : await RunAsync(["ls-tree", "-r", "-z", "--name-only", "--end-of-options", revision], cancellationToken);
        if (code != 0)
        {
            throw new Core.Errors.ActionException($"git {(revision is null ? "ls-files" : "ls-tree")} failed in {Directory}: {error}") { Title = "git failed" };
        }

        return [.. Split(output).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The files changed from <paramref name="from"/> to <paramref name="to"/>, renames detected (both paths kept).</summary>
    public async Task<IReadOnlyList<ChangedFile>?> DiffAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        var (code, output, _) = await RunAsync(["diff", "--name-status", "-z", "-M", "--no-color", "--no-ext-diff", "--no-textconv", "--end-of-options", from, to, "--"], cancellationToken);
        return code == 0 ? ParseNameStatus([.. Split(output)]) : null;
    }

    /// <summary>Fetches more history into a shallow clone; false when it cannot.</summary>
    public async Task<bool> DeepenAsync(int commits, CancellationToken cancellationToken = default) =>
        (await RunAsync(["fetch", "--no-tags", "--quiet", $"--deepen={commits}", "origin"], cancellationToken)).ExitCode == 0;

    /// <summary>Fetches one revision from origin (e.g. a PR's base SHA missing from a shallow clone).</summary>
    public async Task<bool> FetchAsync(string revision, CancellationToken cancellationToken = default) =>
        (await RunAsync(["fetch", "--no-tags", "--quiet", "--depth=1", "--end-of-options", "origin", revision], cancellationToken)).ExitCode == 0;

    /// <summary>Parses <c>--name-status -z</c> tokens.</summary>
    internal static IReadOnlyList<ChangedFile> ParseNameStatus(IReadOnlyList<string> tokens)
    {
        var files = new List<ChangedFile>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var status = tokens[i];
            if (status.Length == 0)
            {
                continue;
            }

            switch (status[0])
            {
                case 'R' when i + 2 < tokens.Count:
                    files.Add(new ChangedFile(tokens[i + 2], ChangeKind.Renamed, tokens[i + 1]));
                    i += 2;
                    break;
                case 'C' when i + 2 < tokens.Count:
                    files.Add(new ChangedFile(tokens[i + 2], ChangeKind.Added));
                    i += 2;
                    break;
                case 'A' when i + 1 < tokens.Count:
                    files.Add(new ChangedFile(tokens[++i], ChangeKind.Added));
                    break;
                case 'D' when i + 1 < tokens.Count:
                    files.Add(new ChangedFile(tokens[++i], ChangeKind.Removed));
                    break;
                default:
                    if (i + 1 < tokens.Count)
                    {
                        files.Add(new ChangedFile(tokens[++i], ChangeKind.Modified));
                    }

                    break;
            }
        }

        return files;
    }

    private static IEnumerable<string> Split(byte[] output) =>
        Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
