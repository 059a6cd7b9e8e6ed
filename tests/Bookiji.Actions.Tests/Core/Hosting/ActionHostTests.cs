using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Tests.Core.Hosting;

[TestFixture]
public sealed class ActionHostTests
{
    private sealed class ThrowingAction(Exception exception) : IAction
    {
        public string Name => "probe";

        public ActionDefinition Definition { get; } = new() { Name = "probe", Description = "A probe.", BriefSection = "-", Inputs = [], Outputs = [] };

        public Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken) => throw exception;
    }

    private sealed class FailingAction : IAction
    {
        public string Name => "probe";

        public ActionDefinition Definition { get; } = new() { Name = "probe", Description = "A probe.", BriefSection = "-", Inputs = [], Outputs = [] };

        public Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
        {
            runtime.Core.SetFailed("verdict: rollback");
            return Task.CompletedTask;
        }
    }

    private static async Task<(int Code, IReadOnlyList<LoggedCommand> Commands)> Run(IAction action, Dictionary<string, string>? env = null)
    {
        using var output = new StringWriter { NewLine = "\n" };
        var runtime = new ActionRuntime(new ActionEnvironment(env ?? []), output, TimeProvider.System, Guid.NewGuid);
        var code = await ActionHost.RunAsync(action, runtime);
        return (code, LoggedCommand.ParseAll(output.ToString()));
    }

    [Test]
    public async Task InputException_EachErrorIsAnAnnotationNamingTheInput_ExitZeroByDefault()
    {
        var (code, commands) = await Run(new ThrowingAction(new InputException([new("sha", "bad sha"), new("output-dir", "bad dir")])));
        var errors = commands.Where(c => c.Command == "error").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, "the brief's actions are non-blocking");
            Assert.That(errors.Select(e => e.Properties["title"]), Is.EqualTo(new[] { "probe: invalid input 'sha'", "probe: invalid input 'output-dir'" }));
            Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[] { "bad sha", "bad dir" }));
        });
    }

    [Test]
    public async Task Run_FailOnErrorTrue_MakesOwnFailuresFailTheStep()
    {
        var (code, _) = await Run(new ThrowingAction(new ActionException("database unreachable")), new() { ["INPUT_FAIL-ON-ERROR"] = "true" });
        Assert.That(code, Is.EqualTo(1));
    }

    [Test]
    public async Task Run_FailOnErrorMalformed_IsReportedAndTreatedAsTrue()
    {
        var (code, commands) = await Run(new ThrowingAction(new ActionException("x")), new() { ["INPUT_FAIL-ON-ERROR"] = "yes" });
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(commands.Any(c => c.Command == "error" && c.Message.Contains("'fail-on-error' must be a YAML 1.2 boolean", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task Run_UnexpectedException_IsAnErrorWithStackInDebug()
    {
        var (code, commands) = await Run(new ThrowingAction(new InvalidOperationException("boom")));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(commands.Single(c => c.Command == "error").Message, Does.StartWith("Unexpected InvalidOperationException: boom"));
            Assert.That(commands.Single(c => c.Command == "debug").Message, Does.Contain("InvalidOperationException"));
        });
    }

    [Test]
    public async Task SetFailed_IsADeliberateVerdict_AndFailsTheStep()
    {
        var (code, _) = await Run(new FailingAction());
        Assert.That(code, Is.EqualTo(1));
    }

    [Test]
    public async Task Run_MissingEventFile_IsAWarningNotAFailure()
    {
        var (code, commands) = await Run(new FailingActionNoop(), new() { ["GITHUB_EVENT_PATH"] = "/missing/event.json" });
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(commands.Single(c => c.Command == "warning").Message, Does.Contain("does not exist"));
        });
    }

    private sealed class FailingActionNoop : IAction
    {
        public string Name => "noop";

        public ActionDefinition Definition { get; } = new() { Name = "noop", Description = "A probe.", BriefSection = "-", Inputs = [], Outputs = [] };

        public Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
