using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Toolkit;

[TestFixture]
public sealed class SecretMaskerTests
{
    [Test]
    public void Apply_MasksEveryOccurrenceAndEachLineOfMultilineSecrets()
    {
        var masker = new SecretMasker();
        masker.Add("line-one\nline-two");
        Assert.That(masker.Apply("a line-one b line-two c"), Is.EqualTo("a *** b *** c"));
    }

    [Test]
    public void Apply_LongestFirst_LeavesNoFragment()
    {
        var masker = new SecretMasker();
        masker.Add("abc");
        masker.Add("abcdef");
        Assert.That(masker.Apply("xabcdefx"), Is.EqualTo("x***x"));
    }

    [Test]
    public void Add_IgnoresBlank()
    {
        var masker = new SecretMasker();
        masker.Add("  ");
        masker.Add(null);
        Assert.That(masker.Count, Is.Zero);
    }
}
