namespace Bookiji.Actions.Core.Definition;

/// <summary>Inputs every action accepts; the host reads them.</summary>
public static class CommonInputs
{
    /// <summary>Makes the action's own failures fail the step (they are annotations and exit 0 otherwise).</summary>
    public static readonly FlagInput FailOnError = new(
        "fail-on-error",
        "Fail the step when the action fails (by default it reports an error annotation and exits 0).",
        false);
}
