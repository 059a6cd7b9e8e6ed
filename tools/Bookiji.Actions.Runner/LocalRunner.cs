using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Runner;

/// <summary>
/// Runs an action the way actions/runner runs a container action: defaults from <c>action.yml</c> fill only the
/// inputs the step leaves out, inputs arrive as <c>INPUT_</c> variables (spaces to <c>_</c>, upper-cased, hyphens
/// kept), file commands go to fresh temp files, the event payload to <c>event.json</c>, and outputs are read back
/// with the runner's heredoc rules. <c>required</c> is not enforced and unknown inputs only warn, as in the runner.
/// </summary>
public static partial class LocalRunner
{
    /// <summary>The SHA the local runner reports when the request names none.</summary>
    public const string DefaultSha = "d6fde92930d4715a2b49857d24b940956b26d2d3";

    /// <summary>Runs one step.</summary>
    public static async Task<ActionRunResult> RunAsync(ActionRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var manifest = ActionManifest.Load(request.ActionDirectory);
        var runDirectory = request.RunDirectory ?? Path.Combine(Path.GetTempPath(), $"bookiji-run-{Guid.NewGuid():N}");
        var workspace = request.Workspace ?? Path.Combine(runDirectory, "workspace");
        var fileCommands = Path.Combine(runDirectory, "_runner_file_commands");
        var workflow = Path.Combine(runDirectory, "_github_workflow");
        var home = Path.Combine(runDirectory, "_github_home");
        var temp = Path.Combine(runDirectory, "_runner_temp");
        foreach (var dir in new[] { workspace, fileCommands, workflow, home, temp })
        {
            Directory.CreateDirectory(dir);
        }

        var id = Guid.NewGuid().ToString("D");
        var files = new Dictionary<string, string>
        {
            ["GITHUB_OUTPUT"] = Path.Combine(fileCommands, $"set_output_{id}"),
            ["GITHUB_ENV"] = Path.Combine(fileCommands, $"set_env_{id}"),
            ["GITHUB_PATH"] = Path.Combine(fileCommands, $"add_path_{id}"),
            ["GITHUB_STATE"] = Path.Combine(fileCommands, $"save_state_{id}"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(fileCommands, $"step_summary_{id}"),
        };
        foreach (var file in files.Values)
        {
            await File.WriteAllTextAsync(file, string.Empty, cancellationToken);
        }

        var eventPath = Path.Combine(workflow, "event.json");
        await File.WriteAllTextAsync(eventPath, request.EventPayload, cancellationToken);

        var github = GitHubValues(request, workspace);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Env)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in github)
        {
            if (key != "token")
            {
                environment["GITHUB_" + key.ToUpperInvariant()] = value;
            }
        }

        environment["GITHUB_ACTIONS"] = "true";
        environment["CI"] = "true";
        environment["GITHUB_EVENT_PATH"] = eventPath;
        environment["HOME"] = home;
        environment["RUNNER_TEMP"] = temp;
        environment["RUNNER_OS"] = "Linux";
        environment["RUNNER_ARCH"] = "X64";
        if (request.Debug)
        {
            environment["RUNNER_DEBUG"] = "1";
        }

        foreach (var (key, value) in files)
        {
            environment[key] = value;
        }

        var warnings = new List<string>();
        var declared = manifest.Inputs.Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unexpected = request.With.Keys.Where(k => !declared.Contains(k)).ToList();
        if (unexpected.Count > 0)
        {
            warnings.Add($"Unexpected input(s) '{string.Join("', '", unexpected)}', valid inputs are ['{string.Join("', '", declared)}']");
        }

        foreach (var input in manifest.Inputs)
        {
            var value = request.With.TryGetValue(input.Name, out var given) ? given : Evaluate(input.Default ?? string.Empty, github);
            environment[ActionCore.InputVariableName(input.Name)] = value;
        }

        foreach (var name in unexpected)
        {
            environment[ActionCore.InputVariableName(name)] = request.With[name];
        }

        var (exitCode, log) = await request.Launcher.LaunchAsync(environment, workspace, cancellationToken);
        return new ActionRunResult
        {
            ExitCode = exitCode,
            Log = log,
            Outputs = FileCommandParser.Parse(await File.ReadAllTextAsync(files["GITHUB_OUTPUT"], cancellationToken)),
            ExportedEnv = FileCommandParser.Parse(await File.ReadAllTextAsync(files["GITHUB_ENV"], cancellationToken)),
            State = FileCommandParser.Parse(await File.ReadAllTextAsync(files["GITHUB_STATE"], cancellationToken)),
            AddedPaths = [.. (await File.ReadAllLinesAsync(files["GITHUB_PATH"], cancellationToken)).Where(l => l.Length > 0)],
            Summary = await File.ReadAllTextAsync(files["GITHUB_STEP_SUMMARY"], cancellationToken),
            Commands = LoggedCommand.ParseAll(log),
            RunnerWarnings = warnings,
            Workspace = workspace,
            Environment = environment,
        };
    }

    private static Dictionary<string, string> GitHubValues(ActionRunRequest request, string workspace)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["repository"] = "bookiji/bookiji",
            ["repository_owner"] = "bookiji",
            ["sha"] = DefaultSha,
            ["ref"] = "refs/heads/main",
            ["ref_name"] = "main",
            ["event_name"] = request.EventName,
            ["workflow"] = "local",
            ["job"] = "local",
            ["action"] = "__run",
            ["actor"] = "local-runner",
            ["run_id"] = "1",
            ["run_number"] = "1",
            ["run_attempt"] = "1",
            ["server_url"] = "https://github.com",
            ["api_url"] = "https://api.github.com",
            ["graphql_url"] = "https://api.github.com/graphql",
            ["workspace"] = workspace,
            ["token"] = string.Empty,
        };
        foreach (var (key, value) in request.GitHub)
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>Evaluates the <c>${{ github.x }}</c> expressions defaults may hold; anything else is refused, not guessed.</summary>
    private static string Evaluate(string text, IReadOnlyDictionary<string, string> github) =>
        Expression().Replace(text, match =>
        {
            var path = match.Groups[1].Value.Trim();
            if (path.StartsWith("github.", StringComparison.Ordinal) && github.TryGetValue(path["github.".Length..], out var value))
            {
                return value;
            }

            throw new NotSupportedException($"The local runner cannot evaluate '{match.Value}' in an input default.");
        });

    [GeneratedRegex(@"\$\{\{(.*?)\}\}")]
    private static partial Regex Expression();
}
