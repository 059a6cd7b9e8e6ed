using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Tests.Repository;

/// <summary>Every action folder follows the house rules the runner and our users depend on.</summary>
[Category("Integration")]
[TestFixture]
public sealed partial class ActionConventionsTests
{
    private static IEnumerable<string> ActionNames() =>
        Directory.GetDirectories(Path.Combine(RepositoryLayout.Root, "actions")).Select(Path.GetFileName).OfType<string>().Order();

    [TestCaseSource(nameof(ActionNames))]
    public void Manifest_EachAction_PointsAtItsOwnRootDockerfileAndEntrypoint(string name)
    {
        var manifest = ActionManifest.Load(RepositoryLayout.Action(name));
        var project = File.ReadAllText(Directory.GetFiles(RepositoryLayout.Action(name), "*.csproj").Single());
        Assert.Multiple(() =>
        {
            Assert.That(manifest.Using, Is.EqualTo("docker"));
            Assert.That(manifest.Image, Is.EqualTo($"../../{name}.Dockerfile"), "a Dockerfile in the action's folder cannot reach shared/ (the build context is its folder)");
            Assert.That(manifest.Image, Does.EndWith("Dockerfile"), "actions/runner builds an image only from a path ending in Dockerfile; any other path fails the job");
            Assert.That(File.Exists(Path.Combine(RepositoryLayout.Root, $"{name}.Dockerfile")), Is.True);
            Assert.That(manifest.Entrypoint, Is.EqualTo($"/actions/{name}"));

            // The image holds the Native AOT executable named after the AssemblyName.
            Assert.That(project, Does.Contain($"<AssemblyName>{name}</AssemblyName>"), "the image's /actions/<name> is the assembly's name");
            Assert.That(project, Does.Contain("<PublishAot>true</PublishAot>"), "every action ships as Native AOT");
            Assert.That(File.Exists(Path.Combine(RepositoryLayout.Action(name), "README.md")), Is.True, "each action documents itself");
        });
    }

    [Test]
    public void Dockerfile_TheTemplate_NamesNoAction()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "Dockerfile"));
        Assert.Multiple(() =>
        {
            foreach (var name in ActionNames())
            {
                Assert.That(dockerfile, Does.Not.Contain(name), "a new action must need no edit of the template");
            }
        });
    }

    [Test]
    public void Dockerfiles_AtTheRoot_EachBelongToAnAction()
    {
        var names = ActionNames().ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.GetFiles(RepositoryLayout.Root, "*.Dockerfile").Select(Path.GetFileName).OfType<string>()
            .Where(f => !names.Contains(f[..^".Dockerfile".Length])).ToList();
        Assert.That(orphans, Is.Empty, "a removed or renamed action leaves its Dockerfile behind");
    }

    [Test]
    public void Projects_OutsideTests_ReferenceNoProjectUnderTests()
    {
        var root = RepositoryLayout.Root;
        var offenders = Directory.GetFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(root, p).Replace('\\', '/').StartsWith("tests/", StringComparison.Ordinal)
                && !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(p => System.Xml.Linq.XDocument.Load(p).Descendants("ProjectReference")
                .Select(r => (Project: Path.GetRelativePath(root, p), Reference: (string?)r.Attribute("Include") ?? string.Empty)))
            .Where(r => Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(r.Project)!, r.Reference)))
                .Replace('\\', '/').StartsWith("tests/", StringComparison.Ordinal))
            .Select(r => $"{r.Project} -> {r.Reference}")
            .ToList();
        Assert.That(offenders, Is.Empty, "production tools, samples and actions must not depend on test code");
    }

    private static IEnumerable<string> Readmes() =>
        [Path.Combine(RepositoryLayout.Root, "README.md"), .. Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "actions"), "README.md", SearchOption.AllDirectories),
            .. Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "docs"), "*.md")];

    [TestCaseSource(nameof(Readmes))]
    public void ReadmeExamples_EachReadme_AreValidYamlAndUseDeclaredInputs(string readme)
    {
        var problems = new List<string>();
        foreach (Match fence in YamlFence().Matches(File.ReadAllText(readme)))
        {
            try
            {
                new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(fence.Groups[1].Value));
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                problems.Add($"an example does not parse: {ex.Message}");
                continue;
            }

            // Steps of our own actions pass only inputs the action declares.
            foreach (Match use in OwnActionUse().Matches(fence.Groups[1].Value))
            {
                var declared = ActionManifest.Load(RepositoryLayout.Action(use.Groups["name"].Value)).Inputs.Select(i => i.Name).ToHashSet();
                var keys = WithKey().Matches(use.Groups["with"].Value).Select(k => k.Groups[1].Value);
                problems.AddRange(keys.Where(k => !declared.Contains(k)).Select(k => $"{use.Groups["name"].Value} has no input '{k}'"));
            }
        }

        Assert.That(problems, Is.Empty, Path.GetRelativePath(RepositoryLayout.Root, readme));
    }

    [Test]
    public void ReadmeExamples_InputCheck_SeesOurSteps()
    {
        var keys = Readmes().SelectMany(r => YamlFence().Matches(File.ReadAllText(r)))
            .SelectMany(f => OwnActionUse().Matches(f.Groups[1].Value))
            .SelectMany(u => WithKey().Matches(u.Groups["with"].Value)).Select(k => k.Groups[1].Value).ToList();
        Assert.That(keys, Does.Contain("production-url").And.Contain("database-url"), "the example check must reach the steps' with: blocks");
    }

    [TestCaseSource(nameof(ActionNames))]
    public void DemoSteps_EachAction_UseOnlyDeclaredInputs(string name)
    {
        var demo = Path.Combine(RepositoryLayout.Action(name), "demo.yml");
        if (!File.Exists(demo))
        {
            Assert.Pass($"{name} has no demo steps");
        }

        var declared = ActionManifest.Load(RepositoryLayout.Action(name)).Inputs.Select(i => i.Name).ToHashSet();
        var text = File.ReadAllText(demo);
        var keys = WithBlock().Matches(text).SelectMany(m => WithKey().Matches(m.Groups[1].Value)).Select(k => k.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.Not.Empty, "the demo's steps pass inputs");
            Assert.That(keys.Where(k => !declared.Contains(k)), Is.Empty, $"{name}/demo.yml passes inputs the action does not declare");
        });
    }

    [TestCaseSource(nameof(ActionNames))]
    public void Inputs_AreKebabCase_AndIncludeFailOnError(string name)
    {
        var manifest = ActionManifest.Load(RepositoryLayout.Action(name));
        Assert.Multiple(() =>
        {
            foreach (var input in manifest.Inputs)
            {
                Assert.That(input.Name, Does.Match("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"), $"input '{input.Name}'");
                Assert.That(input.Description, Is.Not.Empty, $"input '{input.Name}' needs a description");
            }

            Assert.That(manifest.Inputs.Select(i => i.Name), Does.Contain(ActionHost.FailOnErrorInput));
        });
    }

    [Test]
    public void Workflows_StepsUsingLocalActions_UseOnlyDeclaredInputsAndOutputs()
    {
        var problems = new List<string>();
        var checkedInputs = 0;
        foreach (var workflow in Directory.GetFiles(Path.Combine(RepositoryLayout.Root, ".github", "workflows"), "*.yml"))
        {
            var text = File.ReadAllText(workflow);
            var stepActions = new Dictionary<string, ActionManifest>();
            foreach (Match step in LocalUse().Matches(text))
            {
                var manifest = ActionManifest.Load(Path.Combine(RepositoryLayout.Root, step.Groups["path"].Value));
                var declared = manifest.Inputs.Select(i => i.Name).ToHashSet();
                var passed = WithKey().Matches(step.Groups["with"].Value).Select(k => k.Groups[1].Value).ToList();
                foreach (var key in passed)
                {
                    checkedInputs++;
                    if (!declared.Contains(key))
                    {
                        problems.Add($"{Path.GetFileName(workflow)}: {step.Groups["path"].Value} has no input '{key}'");
                    }
                }

                foreach (var required in manifest.Inputs.Where(i => i.Required && i.Default is null && !passed.Contains(i.Name)))
                {
                    problems.Add($"{Path.GetFileName(workflow)}: {step.Groups["path"].Value} needs its required input '{required.Name}'");
                }

                if (step.Groups["id"].Success)
                {
                    stepActions[step.Groups["id"].Value] = manifest;
                }
            }

            foreach (Match use in OutputUse().Matches(text))
            {
                if (stepActions.TryGetValue(use.Groups[1].Value, out var manifest) && !manifest.Outputs.Contains(use.Groups[2].Value))
                {
                    problems.Add($"{Path.GetFileName(workflow)}: step '{use.Groups[1].Value}' has no output '{use.Groups[2].Value}'");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(checkedInputs, Is.GreaterThan(0), "the check must have found the workflows' local action steps");
        });
    }

    // A step: optional "id:" line, "uses: ./actions/x", optional "with:" block (indented deeper).
    [GeneratedRegex(@"(?:id:\s*(?<id>[\w-]+)\s*\n(?:\s+[^\n]*\n)*?)?\s+uses:\s*\./(?<path>actions/[\w-]+)\s*\n(?:\s+with:\s*\n(?<with>(?:\s{8,}[^\n]*\n)*))?")]
    private static partial Regex LocalUse();

    [GeneratedRegex(@"```ya?ml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlFence();

    // uses: bookiji/bookiji-actions/actions/<name>@ref or ./actions/<name>, then an optional with: block indented deeper.
    [GeneratedRegex(@"uses:\s*(?:bookiji/bookiji-actions/|\./)actions/(?<name>[\w-]+)[^\n]*\n(?:(?<indent>[ ]+)with:\s*\n(?<with>(?:\k<indent>[ ]+[^\n]*\n)*))?")]
    private static partial Regex OwnActionUse();

    [GeneratedRegex(@"\n\s+with:\s*\n((?:\s{6,}[^\n]*\n)*)")]
    private static partial Regex WithBlock();

    [GeneratedRegex(@"^\s+([a-z][\w-]*):", RegexOptions.Multiline)]
    private static partial Regex WithKey();

    [GeneratedRegex(@"steps\.([\w-]+)\.outputs\.([\w-]+)")]
    private static partial Regex OutputUse();
}
