using System.Text.Json;
using Bookiji.Actions.Demo;
using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns.Services;

// The demo: one pull-request job whose steps are every action that exists so far, run through the local
// runner (exactly as GitHub runs them from action.yml) against the bundled sample under samples/.
var output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(RepositoryLayout.Root, "demo-output"));
if (Directory.Exists(output))
{
    Directory.Delete(output, recursive: true);
}

var workspace = Path.Combine(output, "workspace");
CopyDirectory(Path.Combine(RepositoryLayout.Root, "samples", "workspace"), workspace);
// The bundled CI metrics (slo-export's input), as CI runs would have left them.
CopyDirectory(Path.Combine(RepositoryLayout.Root, "samples", "ci-metrics"), Path.Combine(workspace, "ci-metrics"));
// The workspace as a checkout: a base commit, then the pull request's change.
var git = await GitRepo.InitAsync(workspace);
var baseSha = await git.CommitAllAsync("base");
git.Write("src/lib/date.ts", "export const today = (): Date => new Date(Date.UTC(2025, 11, 8));\n");
await git.CommitAllAsync("Booking: dates in UTC");
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

// A throwaway PostgreSQL on loopback when the server binaries are here; otherwise the environment's
// descriptor is written with the schema marked not created.
PostgresServer? postgres = null;
try
{
    postgres = await PostgresServer.StartAsync();
}
#pragma warning disable CA1031 // The demo degrades to "no database" on any start-up failure, and says why.
catch (Exception ex)
#pragma warning restore CA1031
{
    Console.WriteLine($"PostgreSQL is not available ({ex.Message.Split('\n')[0]}): ephemeral-env will write its descriptor without a schema.\n");
}

RedisServer? redis = null;
try
{
    redis = await RedisServer.StartAsync();
}
#pragma warning disable CA1031 // As above: without redis-server the environment simply has no Redis namespace.
catch (Exception ex)
#pragma warning restore CA1031
{
    Console.WriteLine($"Redis is not available ({ex.Message}): the environment gets no Redis namespace.\n");
}

// The bundled sample service twice on loopback: the baseline, and a canary whose slot prices changed.
await using var baselineService = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(3) });
await using var canaryService = await SampleService.StartAsync(new SampleServiceBehaviour { Delay = TimeSpan.FromMilliseconds(3), Price = 42 });

// GitHub itself is a stateful fake on loopback: the pull request (#123, with the change above as its files) gets
// the actions' deployments and the one sticky PR comment (pr-comment: true), which the demo prints at the end.
await using var fakeGitHub = await FakeGitHubServer.StartAsync();
fakeGitHub.AddPullRequest("bookiji/bookiji", pull => pull.Files.Add(new FakePullFile("src/lib/date.ts")), number: 123);
github["api_url"] = fakeGitHub.ApiUrl;
github["token"] = fakeGitHub.Token;

// Every action's demo.yml, in order; ${{ demo.* }} are the services started above.
var steps = DemoPlan.Load(RepositoryLayout.Root, new Dictionary<string, string?>
{
    ["base-sha"] = baseSha,
    ["database-url"] = postgres?.DatabaseUrl,
    ["redis-url"] = redis?.Url,
    ["baseline-url"] = baselineService.BaseAddress.ToString(),
    ["canary-url"] = canaryService.BaseAddress.ToString(),
});

var failures = 0;
foreach (var step in steps)
{
    var stepDir = Path.Combine(output, step.Id);
    var result = await LocalRunner.RunAsync(new ActionRunRequest
    {
        ActionDirectory = RepositoryLayout.Action(step.ActionName),
        Launcher = new InProcessLauncher(ActionCatalog.Create(step.ActionName), step.Clock is { } clock ? new FixedClock(clock) : null),
        With = step.With,
        Env = step.Env,
        EventName = "pull_request",
        EventPayload = WithAction(payload, step.PayloadAction),
        GitHub = github,
        Workspace = workspace,
        RunDirectory = Path.Combine(stepDir, "runner"),
    });
    Directory.CreateDirectory(stepDir);
    File.WriteAllText(Path.Combine(stepDir, "outputs.json"), JsonSerializer.Serialize(result.Outputs, DemoJson.Default.IReadOnlyDictionaryStringString));
    File.WriteAllText(Path.Combine(stepDir, "summary.md"), result.Summary);
    File.WriteAllText(Path.Combine(stepDir, "log.txt"), result.Log);

    // Outputs marked secret (add-mask) are shown masked, as GitHub shows them.
    var masks = result.Masks;
    var errors = result.Annotations("error");
    failures += result.ExitCode != 0 || errors.Count > 0 ? 1 : 0;
    Console.WriteLine($"━━━ step '{step.Id}' · uses: ./actions/{step.ActionName} · exit {result.ExitCode}");
    Console.WriteLine(SummaryText.Render(result.Summary));
    Console.WriteLine("outputs:");
    foreach (var (name, value) in result.Outputs)
    {
        Console.WriteLine($"  {name} = {(masks.Contains(value) ? "***" : value)}");
    }

    foreach (var error in errors)
    {
        Console.WriteLine($"  error: {error.Message}");
    }

    Console.WriteLine();
}

var prComment = fakeGitHub.Comments("bookiji/bookiji", 123).FirstOrDefault(c => c.Body.StartsWith(Bookiji.Actions.Core.PullRequests.PrCommentBody.Marker, StringComparison.Ordinal));
Console.WriteLine("━━━ the sticky comment on pull request #123 (pr-comment: true), as GitHub would show it");
Console.WriteLine(prComment is null ? "(none was posted)" : SummaryText.Render(prComment.Body));
File.WriteAllText(Path.Combine(output, "pr-comment.md"), prComment?.Body ?? string.Empty);
Console.WriteLine();
Console.WriteLine($"Demo results (workspace, outputs, summaries, logs, pr-comment.md): {output}");
if (postgres is not null)
{
    await postgres.DisposeAsync();
}

if (redis is not null)
{
    await redis.DisposeAsync();
}

return failures == 0 ? 0 : 1;

static string WithAction(string payload, string action)
{
    var json = JsonNode.Parse(payload)!.AsObject();
    json["action"] = action;
    return json.ToJsonString();
}

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
