using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Hosting;

namespace Bookiji.Actions.Runner;

/// <summary>One discovered action.</summary>
/// <param name="Folder">Its folder.</param>
/// <param name="Action">Its code.</param>
public sealed record CatalogEntry(string Folder, IAction Action)
{
    /// <summary>The action's declaration.</summary>
    public ActionDefinition Definition => Action.Definition;
}
