using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Planning;

[TestFixture]
public sealed class SnapshotOwnerTests
{
    private static readonly HashSet<string> Tests = ["src/a.test.ts", "e2e/home.spec.ts", "b.test.tsx"];

    [TestCase("src/__snapshots__/a.test.ts.snap", "src/a.test.ts")]
    [TestCase("__snapshots__/b.test.tsx.snap", "b.test.tsx")]
    [TestCase("e2e/home.spec.ts-snapshots/hero-chromium-linux.png", "e2e/home.spec.ts")]
    [TestCase("src/__snapshots__/gone.test.ts.snap", null)]
    [TestCase("src/not__snapshots__/a.test.ts.snap", null)]
    [TestCase("src/a.ts", null)]
    public void Find_SnapshotPath_MapsASnapshotToItsTest(string path, string? owner) =>
        Assert.That(SnapshotOwner.Find(path, Tests), Is.EqualTo(owner));
}
