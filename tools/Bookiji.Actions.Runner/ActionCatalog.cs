using System.Reflection;
using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Hosting;

namespace Bookiji.Actions.Runner;

/// <summary>
/// The actions of the repository, found by convention: every folder under <c>actions/</c> holds one project whose
/// assembly is named after the folder and contains one <see cref="IAction"/>.
/// </summary>
public static class ActionCatalog
{
    /// <summary>Every action under <paramref name="repositoryRoot"/>/actions, in folder order.</summary>
    public static IReadOnlyList<CatalogEntry> Discover(string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        var entries = new List<CatalogEntry>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(repositoryRoot, "actions")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (Directory.GetFiles(folder, "*.csproj").Length == 0)
            {
                continue;
            }

            entries.Add(new CatalogEntry(folder, Create(name)));
        }

        return entries;
    }

    /// <summary>
    /// The action whose assembly is named <paramref name="name"/>; the calling program must reference the action's
    /// project (the tests, the demo and the generator reference <c>actions/*/*.csproj</c>).
    /// </summary>
    public static IAction Create(string name)
    {
        var assembly = Assembly.Load(new AssemblyName(name));
        var type = assembly.GetTypes().SingleOrDefault(t => typeof(IAction).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            ?? throw new InvalidOperationException($"actions/{name}: its assembly '{name}' has no IAction type.");
        return (IAction)(Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"actions/{name}: {type.Name} has no public parameterless constructor."));
    }
}
