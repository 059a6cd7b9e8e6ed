using CliWrap;
using CliWrap.Buffered;

namespace Bookiji.Actions.StandIns.Services;

/// <summary>A real git repository in a folder, for tests: write files, commit, branch, clone.</summary>
public sealed class GitRepo(string path)
{
    /// <summary>The work tree.</summary>
    public string Path { get; } = path;

    /// <summary>Creates an empty repository with a main branch and a test identity.</summary>
    public static async Task<GitRepo> InitAsync(string path)
    {
        Directory.CreateDirectory(path);
        var repo = new GitRepo(path);
        await repo.GitAsync("init", "-q", "-b", "main");
        await repo.GitAsync("config", "user.email", "tests@bookiji.test");
        await repo.GitAsync("config", "user.name", "Bookiji Tests");
        await repo.GitAsync("config", "commit.gpgsign", "false");
        return repo;
    }

    /// <summary>Writes a file (creating folders).</summary>
    public GitRepo Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>Deletes a file.</summary>
    public GitRepo Delete(string relativePath)
    {
        File.Delete(System.IO.Path.Combine(Path, relativePath));
        return this;
    }

    /// <summary>Stages everything and commits; returns the new commit's SHA.</summary>
    public async Task<string> CommitAllAsync(string message)
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "--allow-empty", "-m", message);
        return await GitAsync("rev-parse", "HEAD");
    }

    /// <summary>Runs git and returns its trimmed output; throws on failure.</summary>
    public async Task<string> GitAsync(params string[] arguments)
    {
        var result = await Cli.Wrap("git").WithArguments(arguments).WithWorkingDirectory(Path)
            .WithEnvironmentVariables(e => e.Set("GIT_TERMINAL_PROMPT", "0"))
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result.StandardError}");
        }

        return result.StandardOutput.Trim();
    }
}
