using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Generator;

/// <summary>Every generated file of the repository: each action.yml, each action README's tables, the root README's table.</summary>
public static class Generation
{
    /// <summary>What the generator would write, next to what is there now.</summary>
    public static IReadOnlyList<GeneratedFile> Plan(string repositoryRoot)
    {
        var actions = ActionCatalog.Discover(repositoryRoot);
        var files = new List<GeneratedFile>();
        foreach (var entry in actions)
        {
            var definition = entry.Definition;
            var problems = definition.Validate();
            var yml = Path.Combine(entry.Folder, "action.yml");
            files.Add(new GeneratedFile(yml, ActionYmlRenderer.Render(definition), ReadOrNull(yml), problems.Count > 0 ? string.Join(" ", problems) : null));
            var readme = Path.Combine(entry.Folder, "README.md");
            files.Add(Spliced(readme, ("inputs", MarkdownRenderer.InputsTable(definition)), ("outputs", MarkdownRenderer.OutputsTable(definition))));
        }

        var definitions = actions.Select(a => a.Definition).ToList();
        files.Add(Spliced(Path.Combine(repositoryRoot, "README.md"), ("actions", MarkdownRenderer.ActionsTable(definitions))));
        files.Add(Spliced(
            Path.Combine(repositoryRoot, "docs", "CI_PLAYBOOK.md"),
            ("permissions", MarkdownRenderer.PermissionsTable(definitions)),
            ("all-inputs", MarkdownRenderer.AllInputsTable(definitions))));
        return files;
    }

    private static GeneratedFile Spliced(string path, params (string Name, string Content)[] blocks)
    {
        var actual = ReadOrNull(path);
        if (actual is null)
        {
            return new GeneratedFile(path, null, null, "is missing");
        }

        var expected = actual;
        foreach (var (name, content) in blocks)
        {
            expected = MarkdownRenderer.Splice(expected, name, content);
            if (expected is null)
            {
                return new GeneratedFile(path, null, actual, $"has no <!-- generated:{name} --> ... <!-- /generated:{name} --> markers");
            }
        }

        return new GeneratedFile(path, expected, actual);
    }

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
