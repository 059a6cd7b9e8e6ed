using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Generator;
using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Tests.Repository;

/// <summary>
/// Each input and output is declared once (the action's Definition); action.yml and the README tables are
/// generated from it. These tests regenerate every file in memory and fail on any difference.
/// </summary>
[Category("Integration")]
[TestFixture]
public sealed class GeneratedFilesTests
{
    private static IEnumerable<TestCaseData> Files() =>
        Generation.Plan(RepositoryLayout.Root).Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetRelativePath(RepositoryLayout.Root, f.Path)));

    [TestCaseSource(nameof(Files))]
    public void CommittedFile_EachGeneratedFile_IsWhatTheDeclarationGenerates(GeneratedFile file)
    {
        Assert.That(file.Problem, Is.Null, "the declaration or the file's markers are not sound");
        Assert.That(file.Actual, Is.EqualTo(file.Expected), "drift: run scripts/generate.sh and commit the result");
    }

    [Test]
    public void Catalog_Discover_FindsEveryActionFolder()
    {
        var folders = Directory.GetDirectories(Path.Combine(RepositoryLayout.Root, "actions")).Select(Path.GetFileName).Order().ToArray();
        var discovered = ActionCatalog.Discover(RepositoryLayout.Root).Select(e => e.Definition.Name).ToArray();
        Assert.That(discovered, Is.EqualTo(folders), "each folder under actions/ is one action named after it");
    }

    [Test]
    public void GeneratedManifest_ReadByTheRunnersParser_ReadsBackWithTheDeclaredDefaults()
    {
        // The generated YAML is read by the local runner's parser (as actions/runner reads it): quoting must keep every value.
        foreach (var entry in ActionCatalog.Discover(RepositoryLayout.Root))
        {
            var manifest = ActionManifest.Load(entry.Folder);
            foreach (var input in entry.Definition.AllInputs)
            {
                var read = manifest.Inputs.Single(i => i.Name == input.Name);
                Assert.That(read.Default, Is.EqualTo(input.ActionYmlDefault), $"{entry.Definition.Name}: default of '{input.Name}'");
            }

            Assert.That(manifest.Outputs, Is.EquivalentTo(entry.Definition.Outputs.Select(o => o.Name)), entry.Definition.Name);
        }
    }

    [Test]
    public void InputsTable_RunnerDefaultInput_ShowsTheRunnerDefaultInItsDefaultCell()
    {
        var definition = new ActionDefinition
        {
            Name = "sample",
            Description = "A sample.",
            BriefSection = "§0",
            Inputs = [CommonInputs.GitHubToken("Token for the sample.")],
            Outputs = [],
        };
        var row = MarkdownRenderer.InputsTable(definition).Split('\n').Single(l => l.StartsWith("| `github-token` |", StringComparison.Ordinal));
        var playbookRow = MarkdownRenderer.AllInputsTable([definition]).Split('\n').Single(l => l.Contains("`github-token`", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(row, Does.StartWith("| `github-token` | `${{ github.token }}` | `GITHUB_TOKEN` |"));
            Assert.That(playbookRow, Does.StartWith("| `sample` | `github-token` | `GITHUB_TOKEN` | `${{ github.token }}` |"));
        });
    }

    [Test]
    public void Splice_WithoutMarkers_IsReported()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MarkdownRenderer.Splice("# title\n", "inputs", "x"), Is.Null);
            Assert.That(MarkdownRenderer.Splice("a\n<!-- generated:inputs -->\nold\n<!-- /generated:inputs -->\nb\n", "inputs", "new\n"),
                Is.EqualTo("a\n<!-- generated:inputs -->\nnew\n<!-- /generated:inputs -->\nb\n"));
        });
    }
}
