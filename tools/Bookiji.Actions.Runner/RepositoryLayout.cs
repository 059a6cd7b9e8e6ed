namespace Bookiji.Actions.Runner;

/// <summary>Finds the repository's folders from wherever the tests or the demo run.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>Bookiji.Actions.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The folder of an action, e.g. <c>actions/deploy-metadata</c>.</summary>
    public static string Action(string name) => Path.Combine(Root, "actions", name);

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bookiji.Actions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Bookiji.Actions.sln not found above the test binaries or the current directory.");
    }
}
