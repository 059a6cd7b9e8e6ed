using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Generator;

/// <summary>Every generated file of the repository: each action.yml and &lt;name&gt;.Dockerfile, each action README's tables, the root README's table.</summary>
public static class Generation
{
    /// <summary>What the generator would write, next to what is there now.</summary>
    public static IReadOnlyList<GeneratedFile> Plan(string repositoryRoot)
    {
        var actions = ActionCatalog.Discover(repositoryRoot);
        var definitions = actions.Select(a => a.Definition).ToList();
        var files = new List<GeneratedFile>();
        var template = ReadOrNull(Path.Combine(repositoryRoot, "Dockerfile"));
        foreach (var entry in actions)
        {
            var definition = entry.Definition;
            var dockerfile = Path.Combine(repositoryRoot, DockerfileRenderer.FileName(definition));
            var image = template is null ? null : DockerfileRenderer.Render(template, definition);
            files.Add(new GeneratedFile(
                dockerfile,
                image,
                ReadOrNull(dockerfile),
                image is null ? $"cannot be generated: the root Dockerfile (the template) needs the lines '{DockerfileRenderer.ActionArgument.Trim()}' and '{DockerfileRenderer.GitArgument.Trim()}' once each" : null));
            var problems = definition.Validate();
            var yml = Path.Combine(entry.Folder, "action.yml");
            files.Add(new GeneratedFile(yml, ActionYmlRenderer.Render(definition), ReadOrNull(yml), problems.Count > 0 ? string.Join(" ", problems) : null));
            var readme = Path.Combine(entry.Folder, "README.md");
            files.Add(Spliced(readme, definition, definitions, ("inputs", MarkdownRenderer.InputsTable(definition)), ("outputs", MarkdownRenderer.OutputsTable(definition))));
        }

        files.Add(Spliced(Path.Combine(repositoryRoot, "README.md"), null, definitions, ("actions", MarkdownRenderer.ActionsTable(definitions))));
        var playbook = Path.Combine(repositoryRoot, "docs", "CI_PLAYBOOK.md");
        files.Add(Spliced(
            playbook,
            null,
            definitions,
            ("permissions", MarkdownRenderer.PermissionsTable(definitions)),
            ("all-inputs", MarkdownRenderer.AllInputsTable(definitions))));

        // Other docs are generated only where their prose quotes a default.
        var docs = Path.Combine(repositoryRoot, "docs");
        foreach (var doc in (Directory.Exists(docs) ? Directory.GetFiles(docs, "*.md") : []).Order(StringComparer.Ordinal))
        {
            if (doc != playbook && File.ReadAllText(doc).Contains("<!-- default:", StringComparison.Ordinal))
            {
                files.Add(Spliced(doc, null, definitions));
            }
        }

        return files;
    }

    private static GeneratedFile Spliced(string path, ActionDefinition? own, IReadOnlyList<ActionDefinition> all, params (string Name, string Content)[] blocks)
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

        var (withDefaults, problems) = MarkdownRenderer.InlineDefaults(expected, own, all);
        return new GeneratedFile(path, withDefaults, actual, problems.Count > 0 ? string.Join("; ", problems) : null);
    }

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
