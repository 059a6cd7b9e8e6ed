using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Toolkit;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class BoundedReadStreamTests
{
    [Test]
    public void Read_PastTheBound_Throws()
    {
        using var inner = new MemoryStream(new byte[100]);
        using var bounded = new BoundedReadStream(inner, 64);

        Assert.That(() => bounded.CopyTo(Stream.Null), Throws.InstanceOf<InvalidDataException>());
    }

    [Test]
    public void Read_WithinTheBound_ReadsEverything()
    {
        using var inner = new MemoryStream(new byte[64]);
        using var bounded = new BoundedReadStream(inner, 64);
        using var copy = new MemoryStream();

        bounded.CopyTo(copy);

        Assert.That(copy.Length, Is.EqualTo(64));
    }
}
