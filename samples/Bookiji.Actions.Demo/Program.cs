using System.Text.Json;
using Bookiji.Actions.Demo;
using Bookiji.Actions.DeployMetadata;
using Bookiji.Actions.Testing;
using Bookiji.Actions.Testing.Runner;

// The demo: one pull-request job whose steps are every action that exists so far, run through the local
// runner (exactly as GitHub runs them from action.yml) against the bundled sample under samples/.
var output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(RepositoryLayout.Root, "demo-output"));
if (Directory.Exists(output))
{
    Directory.Delete(output, recursive: true);
}

var workspace = Path.Combine(output, "workspace");
CopyDirectory(Path.Combine(RepositoryLayout.Root, "samples", "workspace"), workspace);
var payload = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "samples", "events", "pull_request.json"));
var github = new Dictionary<string, string>
{
    ["sha"] = "4d2c7e1f0b3a5968c7d1e2f3a4b5c6d7e8f90123",
    ["ref"] = "refs/pull/123/merge",
    ["head_ref"] = "feature/booking-reschedule",
    ["base_ref"] = "main",
    ["repository"] = "bookiji/bookiji",
    ["run_id"] = "7001",
};

DemoStep[] steps =
[
    new("deploy", "deploy-metadata", new DeployMetadataAction(),
        new Dictionary<string, string>
        {
            ["sha"] = "9fceb02d0ae598e95dc970b74767f19372d61af8",
            ["preview-url"] = "https://pr-123.bookiji.com",
            ["production-url"] = "https://www.bookiji.com",
        },
        new Dictionary<string, string>()),
];

var failures = 0;
foreach (var step in steps)
{
    var stepDir = Path.Combine(output, step.Id);
    var result = await LocalRunner.RunAsync(new ActionRunRequest
    {
        ActionDirectory = RepositoryLayout.Action(step.ActionName),
        Launcher = new InProcessLauncher(step.Action),
        With = step.With,
        Env = step.Env,
        EventName = "pull_request",
        EventPayload = payload,
        GitHub = github,
        Workspace = workspace,
        RunDirectory = Path.Combine(stepDir, "runner"),
    });
    Directory.CreateDirectory(stepDir);
    File.WriteAllText(Path.Combine(stepDir, "outputs.json"), JsonSerializer.Serialize(result.Outputs, DemoJson.Default.IReadOnlyDictionaryStringString));
    File.WriteAllText(Path.Combine(stepDir, "summary.md"), result.Summary);
    File.WriteAllText(Path.Combine(stepDir, "log.txt"), result.Log);

    var errors = result.Annotations("error");
    failures += result.ExitCode != 0 || errors.Count > 0 ? 1 : 0;
    Console.WriteLine($"━━━ step '{step.Id}' · uses: ./actions/{step.ActionName} · exit {result.ExitCode}");
    Console.WriteLine(SummaryText.Render(result.Summary));
    Console.WriteLine("outputs:");
    foreach (var (name, value) in result.Outputs)
    {
        Console.WriteLine($"  {name} = {value}");
    }

    foreach (var error in errors)
    {
        Console.WriteLine($"  error: {error.Message}");
    }

    Console.WriteLine();
}

Console.WriteLine($"Demo results (workspace, outputs, summaries, logs): {output}");
return failures == 0 ? 0 : 1;

static void CopyDirectory(string source, string target)
{
    foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
    {
        Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
    }

    Directory.CreateDirectory(target);
    foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
    {
        File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
    }
}
