namespace Bookiji.Actions.Core.Hosting;

/// <summary>
/// One action: parse its inputs from the runtime, run its pure core, write outputs, files and summary.
/// Throw <see cref="Errors.InputException"/> or <see cref="Errors.ActionException"/> for failures the user can fix;
/// <see cref="ActionHost"/> turns them into annotations and applies the non-blocking policy.
/// </summary>
public interface IAction
{
    /// <summary>The action's one declaration of inputs and outputs (action.yml and README tables are generated from it).</summary>
    Definition.ActionDefinition Definition { get; }

    /// <summary>Runs the action once.</summary>
    Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken);
}
