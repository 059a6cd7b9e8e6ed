using Bookiji.Actions.PredictTests.Impact.Diff;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact.Diff;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class UnifiedDiffTests
{
    [Test]
    public void Parse_ZeroContextDiff_ReadsEachFilesHunks()
    {
        const string diff = "diff --git src/a.ts src/a.ts\nindex 1..2 100644\n--- src/a.ts\n+++ src/a.ts\n@@ -3 +3 @@ x\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n" +
            "diff --git src/b.ts src/b.ts\n--- src/b.ts\n+++ src/b.ts\n@@ -1,2 +0,0 @@\n-e\n-f\n" +
            "diff --git src/new.ts src/new.ts\nnew file mode 100644\n--- /dev/null\n+++ src/new.ts\n@@ -0,0 +1 @@\n+g\n" +
            "diff --git img.png img.png\nBinary files img.png and img.png differ\n";

        var files = UnifiedDiff.Parse(diff);

        Assert.That(files.Keys, Is.EquivalentTo(new[] { "src/a.ts", "src/b.ts" }));
        Assert.That(files["src/a.ts"]!.Select(h => (h.OldStart, h.OldCount, h.NewStart, h.NewCount)), Is.EqualTo(new[] { (3, 1, 3, 1), (10, 0, 11, 2) }));
        Assert.That(files["src/a.ts"]!.Select(h => (h.Removed, h.Added)), Is.EqualTo(new[] { ("a\n", "b\n"), ("", "c\nd\n") }));
        Assert.That(files["src/b.ts"]!.Select(h => (h.OldStart, h.OldCount, h.NewStart, h.NewCount)), Is.EqualTo(new[] { (1, 2, 0, 0) }));
    }

    [Test]
    public void Parse_MoreHunksThanTheBound_MarksTheFileCut()
    {
        var diff = "--- a.ts\n+++ a.ts\n" + string.Concat(Enumerable.Range(1, UnifiedDiff.MaxHunksPerFile + 1).Select(i => $"@@ -{i * 2} +{i * 2} @@\n-x\n+y\n"));

        Assert.That(UnifiedDiff.Parse(diff)["a.ts"], Is.Null);
    }
}
