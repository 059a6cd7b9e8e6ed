using System.Text.RegularExpressions;
using Bookiji.Actions.Testing;
using CliWrap;
using CliWrap.Buffered;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>The README's workflow is what users copy: it must never paste outputs or matrix values into a shell script.</summary>
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class PredictTestsReadmeTests
{
    private static string Readme => File.ReadAllText(Path.Combine(RepositoryLayout.Action("predict-tests"), "README.md"));

    /// <summary>Each <c>run:</c> script of the README's YAML blocks, inline or block scalar.</summary>
    internal static IReadOnlyList<string> RunScripts(string markdown)
    {
        var scripts = new List<string>();
        foreach (Match block in YamlBlock().Matches(markdown))
        {
            var lines = block.Groups[1].Value.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var run = RunKey().Match(lines[i]);
                if (!run.Success)
                {
                    continue;
                }

                var value = run.Groups[2].Value.Trim();
                if (value is not ("|" or ">" or "|-" or ">-"))
                {
                    scripts.Add(value);
                    continue;
                }

                var indent = run.Groups[1].Value.Length;
                var body = lines.Skip(i + 1).TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length > indent).ToList();
                var margin = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
                scripts.Add(string.Join('\n', body.Select(l => l.Length >= margin ? l[margin..] : l.TrimStart())));
            }
        }

        return scripts;
    }

    [Test]
    public void RunScripts_InterpolateNoExpressions()
    {
        var scripts = RunScripts(Readme);
        Assert.Multiple(() =>
        {
            Assert.That(scripts, Is.Not.Empty, "the README shows how to run the selected tests");
            Assert.That(scripts, Has.None.Contains("${{"), "outputs and matrix values go through env:, never into run:");
        });
    }

    [Test]
    public void RunScripts_Lint_CatchesTheOldExample()
    {
        const string old = "```yaml\nsteps:\n  - run: npx playwright test ${{ join(matrix.tests, ' ') }}\n  - run: |\n      echo ok\n      echo ${{ steps.plan.outputs.risk }}\n```\n";
        Assert.That(RunScripts(old).Count(s => s.Contains("${{", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task RunScript_HostileTestNames_ReachPlaywrightAsData()
    {
        using var dir = new TemporaryDirectory();
        var hostile = new[] { "x$(touch${IFS}PWNED).spec.ts", "a b;touch PWNED2.spec.ts", "-x.spec.ts", "`touch PWNED3`.spec.ts" };
        var (result, args) = await RunReadmeScriptAsync(dir, System.Text.Json.JsonSerializer.Serialize(hostile), runAll: false);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.StandardError);
            Assert.That(Directory.GetFiles(dir.Path, "PWNED*"), Is.Empty, "no name was run as code");
            Assert.That(args, Is.EqualTo(new[] { "playwright", "test", "--" }.Concat(hostile)));
        });
    }

    [Test]
    public async Task RunScript_FallbackPlanWithoutTests_RunsTheWholeSuiteSharded()
    {
        using var dir = new TemporaryDirectory();
        var (result, args) = await RunReadmeScriptAsync(dir, "[]", runAll: true);
        Assert.That(args, Is.EqualTo(new[] { "playwright", "test", "--shard=1/2" }), result.StandardError);
    }

    /// <summary>Runs the README's test step with bash, a stand-in <c>npx</c> recording each argument NUL-terminated.</summary>
    private static async Task<(BufferedCommandResult Result, string[] Args)> RunReadmeScriptAsync(TemporaryDirectory dir, string testsJson, bool runAll)
    {
        var script = RunScripts(Readme).Single(s => s.Contains("playwright", StringComparison.Ordinal));
        var bin = Directory.CreateDirectory(dir.Combine("bin")).FullName;
        var npx = Path.Combine(bin, "npx");
        File.WriteAllText(npx, "#!/usr/bin/env bash\nprintf '%s\\0' \"$@\" >> \"$ARGS_FILE\"\n");
        File.SetUnixFileMode(npx, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var argsFile = dir.Combine("args");
        var result = await Cli.Wrap("bash").WithArguments(["-e", "-c", script]).WithWorkingDirectory(dir.Path)
            .WithEnvironmentVariables(env => env
                .Set("PATH", bin + ":" + Environment.GetEnvironmentVariable("PATH"))
                .Set("ARGS_FILE", argsFile)
                .Set("TESTS", testsJson)
                .Set("RUN_ALL", runAll ? "true" : "false").Set("SHARD", "1").Set("SHARDS", "2"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        var args = File.Exists(argsFile) ? File.ReadAllText(argsFile).Split('\0', StringSplitOptions.RemoveEmptyEntries) : [];
        return (result, args);
    }

    [GeneratedRegex(@"```ya?ml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"^(\s*(?:-\s+)?)run:\s*(.*)$")]
    private static partial Regex RunKey();
}
