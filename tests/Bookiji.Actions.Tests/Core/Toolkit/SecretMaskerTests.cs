using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Toolkit;

[TestFixture]
public sealed class SecretMaskerTests
{
    [Test]
    public void Apply_MultilineSecret_MasksEveryOccurrenceAndEachLine()
    {
        var masker = new SecretMasker();
        masker.Add("line-one\nline-two");
        Assert.That(masker.Apply("a line-one b line-two c"), Is.EqualTo("a *** b *** c"));
    }

    [Test]
    public void Apply_LongestFirst_LeavesNoFragment()
    {
        var masker = new SecretMasker();
        masker.Add("abcd");
        masker.Add("abcdef");
        Assert.That(masker.Apply("xabcdefx"), Is.EqualTo("x***x"));
    }

    [Test]
    public void Add_BlankOrNull_IsIgnored()
    {
        var masker = new SecretMasker();
        masker.Add("  ");
        masker.Add(null);
        Assert.That(masker.Count, Is.Zero);
    }

    [TestCase("p")]
    [TestCase("pw")]
    [TestCase("pwd")]
    [TestCase("p\nq")]
    public void Add_ShorterThanFourCharacters_IsNotMasked(string secret)
    {
        var masker = new SecretMasker();
        masker.Add(secret);
        Assert.Multiple(() =>
        {
            Assert.That(masker.Count, Is.Zero);
            Assert.That(masker.Apply("a pwd opens the page"), Is.EqualTo("a pwd opens the page"));
        });
    }

    [Test]
    public void Add_MultilineWithShortLines_MasksTheWholeValueButNotTheShortLines()
    {
        var masker = new SecretMasker();
        masker.Add("pw\nsecond-line");
        Assert.That(masker.Apply("pw\nsecond-line | a pwd | second-line"), Is.EqualTo("*** | a pwd | ***"));
    }

    [Test]
    public void AddUserInfo_ShortPassword_MasksTheWholeUserInfoAndLeavesOtherWords()
    {
        var masker = new SecretMasker();
        masker.AddUserInfo("u:p");
        Assert.That(masker.Apply("postgres://u:p@db: is the server up?"), Is.EqualTo("postgres://***@db: is the server up?"));
    }

    [TestCase("u")]
    [TestCase("u:")]
    public void AddUserInfo_WithoutPasswordAndShort_IsNotMasked(string userInfo)
    {
        var masker = new SecretMasker();
        masker.AddUserInfo(userInfo);
        Assert.That(masker.Count, Is.Zero);
    }
}
