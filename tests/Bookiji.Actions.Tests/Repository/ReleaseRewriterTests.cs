using Bookiji.Actions.Generator;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Repository;

/// <summary>The release rewrite of every action.yml to the prebuilt image, pinned by digest.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ReleaseRewriterTests
{
    private const string Image = "ghcr.io/bookiji/bookiji-actions@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Test]
    public void RewriteAll_PointsEveryActionAtTheImage_AndChangesNothingElse()
    {
        using var dir = new TemporaryDirectory();
        foreach (var entry in ActionCatalog.Discover(RepositoryLayout.Root))
        {
            dir.WriteFile($"actions/{entry.Definition.Name}/action.yml", File.ReadAllText(Path.Combine(entry.Folder, "action.yml")));
        }

        var changed = ReleaseRewriter.RewriteAll(dir.Path, Image);
        Assert.Multiple(() =>
        {
            Assert.That(changed, Has.Count.EqualTo(ActionCatalog.Discover(RepositoryLayout.Root).Count));
            foreach (var file in changed)
            {
                var name = Path.GetFileName(Path.GetDirectoryName(file)!);
                var released = ActionManifest.Load(Path.GetDirectoryName(file)!);
                var original = ActionManifest.Load(RepositoryLayout.Action(name));
                Assert.That(released.Image, Is.EqualTo("docker://" + Image), name);
                Assert.That(released.Entrypoint, Is.EqualTo($"/actions/{name}"), "the entrypoint still picks the action in the shared image");
                Assert.That(released.Inputs, Is.EqualTo(original.Inputs), $"{name}: inputs unchanged");
                Assert.That(released.Outputs, Is.EqualTo(original.Outputs), $"{name}: outputs unchanged");
                Assert.That(File.ReadAllText(file).Split('\n').Length, Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryLayout.Action(name), "action.yml")).Split('\n').Length));
            }
        });
    }

    [TestCase("ghcr.io/bookiji/bookiji-actions:v1")]
    [TestCase("ghcr.io/bookiji/bookiji-actions@sha256:abc")]
    [TestCase("ghcr.io/bookiji/bookiji-actions@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
    [TestCase("ghcr.io/bookiji/bookiji-actions@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  entrypoint: /bin/sh")]
    public void Rewrite_AnImageNotPinnedByDigest_IsRefused(string image) =>
        Assert.Throws<ArgumentException>(() => ReleaseRewriter.Rewrite("runs:\n  image: ../../Dockerfile\n", image));

    [Test]
    public void Rewrite_WithoutADockerfileImage_IsAnError() =>
        Assert.Throws<InvalidOperationException>(() => ReleaseRewriter.Rewrite("runs:\n  using: node20\n  main: index.js\n", Image));
}
