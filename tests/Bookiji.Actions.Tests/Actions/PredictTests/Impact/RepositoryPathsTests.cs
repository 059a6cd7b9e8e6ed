using Bookiji.Actions.PredictTests.Impact;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RepositoryPathsTests
{
    private static readonly RepositoryPaths Paths = new(["index.ts", "src/index.ts", "packages/a/src/util.ts", "packages/b/src/util.ts", "src/cart.ts"], ["/github/workspace"]);

    [TestCase("/github/workspace/src/cart.ts", "src/cart.ts")]
    [TestCase("/home/runner/work/shop/shop/src/cart.ts", "src/cart.ts")]
    [TestCase("/home/runner/work/shop/shop/packages/b/src/util.ts", "packages/b/src/util.ts")]
    [TestCase("./src/cart.ts", "src/cart.ts")]
    [TestCase("index.ts", "index.ts")]
    [TestCase("file:///home/runner/work/shop/shop/src/cart.ts", "src/cart.ts")]
    public void Find_PathFromAnotherMachine_NamesTheRepositoryFile(string written, string expected)
    {
        Assert.That(Paths.Find(written), Is.EqualTo(expected));
    }

    [TestCase("/home/runner/work/shop/shop/node_modules/lib/src/cart.ts")]
    [TestCase("/tmp/vite/index.ts")]
    [TestCase("/elsewhere/src/util.ts")]
    [TestCase("/github/workspace/../etc/passwd")]
    public void Find_PathNoRepositoryFileIsSurelyMeantBy_IsNull(string written)
    {
        Assert.That(Paths.Find(written), Is.Null);
    }
}
