using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Watchdog;

/// <summary>One run's runtime, inputs and the warnings raised so far (they also go to the result file).</summary>
internal sealed class RunContext(ActionRuntime runtime, WatchdogInputs inputs)
{
    private readonly List<string> _warnings = [];

    public ActionRuntime Runtime { get; } = runtime;

    public WatchdogInputs Inputs { get; } = inputs;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>A warning annotation and a line in the result's warnings (masked like every log line).</summary>
    public void Warn(string message)
    {
        _warnings.Add(Runtime.Core.Masker.Apply(message));
        Runtime.Core.Warning(message, new AnnotationProperties { Title = "watchdog" });
    }
}
