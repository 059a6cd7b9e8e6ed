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
    private const string Digest = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Image = "ghcr.io/bookiji/bookiji-actions-predict-tests" + Digest;

    private static Dictionary<string, string> Images() =>
        ActionCatalog.Discover(RepositoryLayout.Root).ToDictionary(e => e.Definition.Name, e => $"ghcr.io/bookiji/bookiji-actions-{e.Definition.Name}{Digest}", StringComparer.Ordinal);

    private static TemporaryDirectory Manifests()
    {
        var dir = new TemporaryDirectory();
        foreach (var entry in ActionCatalog.Discover(RepositoryLayout.Root))
        {
            dir.WriteFile($"actions/{entry.Definition.Name}/action.yml", File.ReadAllText(Path.Combine(entry.Folder, "action.yml")));
        }

        return dir;
    }

    [Test]
    public void RewriteAll_PointsEveryActionAtItsOwnImage_AndChangesNothingElse()
    {
        using var dir = Manifests();
        var changed = ReleaseRewriter.RewriteAll(dir.Path, Images());
        Assert.Multiple(() =>
        {
            Assert.That(changed, Has.Count.EqualTo(ActionCatalog.Discover(RepositoryLayout.Root).Count));
            foreach (var file in changed)
            {
                var name = Path.GetFileName(Path.GetDirectoryName(file)!);
                var released = ActionManifest.Load(Path.GetDirectoryName(file)!);
                var original = ActionManifest.Load(RepositoryLayout.Action(name));
                Assert.That(released.Image, Is.EqualTo($"docker://ghcr.io/bookiji/bookiji-actions-{name}{Digest}"), name);
                Assert.That(released.Entrypoint, Is.EqualTo($"/actions/{name}"), "the entrypoint is kept");
                Assert.That(released.Inputs, Is.EqualTo(original.Inputs), $"{name}: inputs unchanged");
                Assert.That(released.Outputs, Is.EqualTo(original.Outputs), $"{name}: outputs unchanged");
                Assert.That(File.ReadAllText(file).Split('\n').Length, Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryLayout.Action(name), "action.yml")).Split('\n').Length));
            }
        });
    }

    [Test]
    public void RewriteAll_AnActionWithoutAnImage_WritesNothing()
    {
        using var dir = Manifests();
        var images = Images();
        images.Remove("watchdog");
        var before = File.ReadAllText(Path.Combine(dir.Path, "actions/predict-tests/action.yml"));
        Assert.Multiple(() =>
        {
            Assert.That(() => ReleaseRewriter.RewriteAll(dir.Path, images), Throws.ArgumentException.With.Message.Contains("watchdog"));
            Assert.That(File.ReadAllText(Path.Combine(dir.Path, "actions/predict-tests/action.yml")), Is.EqualTo(before));
        });
    }

    [Test]
    public void RewriteAll_AnImageForNoAction_IsRefused()
    {
        using var dir = Manifests();
        var images = Images();
        images["predict-test"] = Image;
        Assert.That(() => ReleaseRewriter.RewriteAll(dir.Path, images), Throws.ArgumentException.With.Message.Contains("predict-test"));
    }

    [TestCase("ghcr.io/bookiji/bookiji-actions:v1")]
    [TestCase("ghcr.io/bookiji/bookiji-actions@sha256:abc")]
    [TestCase("ghcr.io/bookiji/bookiji-actions@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
    [TestCase("ghcr.io/bookiji/bookiji-actions@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  entrypoint: /bin/sh")]
    public void Rewrite_AnImageNotPinnedByDigest_IsRefused(string image) =>
        Assert.Throws<ArgumentException>(() => ReleaseRewriter.Rewrite("runs:\n  image: ../../predict-tests.Dockerfile\n", image));

    [Test]
    public void Rewrite_WithoutADockerfileImage_IsAnError() =>
        Assert.Throws<InvalidOperationException>(() => ReleaseRewriter.Rewrite("runs:\n  using: node20\n  main: index.js\n", Image));
}
