using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Toolkit;

/// <summary>The toolkit's annotation, group, debug and setFailed cases, ported.</summary>
[TestFixture]
public sealed class ActionCoreLoggingTests
{
    private static readonly AnnotationProperties Props = new() { Title = "A title", File = "root/test.txt", StartColumn = 1, EndColumn = 2, StartLine = 5, EndLine = 5 };

    [Test]
    public void SetFailed_Message_SetsExitCodeAndError()
    {
        using var h = new CoreHarness();
        h.Core.SetFailed("Failure message");
        Assert.Multiple(() =>
        {
            Assert.That(h.Core.ExitCode, Is.EqualTo(1));
            Assert.That(h.Written, Is.EqualTo("::error::Failure message\n"));
        });
    }

    [Test]
    public void SetFailed_MessageWithNewlines_IsEscaped()
    {
        using var h = new CoreHarness();
        h.Core.SetFailed("Failure \r\n\nmessage\r");
        Assert.That(h.Written, Is.EqualTo("::error::Failure %0D%0A%0Amessage%0D\n"));
    }

    [TestCase("error", "Error message\r\n\n", "::error::Error message%0D%0A%0A\n")]
    [TestCase("warning", "\r\nwarning\n", "::warning::%0D%0Awarning%0A\n")]
    [TestCase("notice", "\r\nnotice\n", "::notice::%0D%0Anotice%0A\n")]
    [TestCase("debug", "\r\ndebug\n", "::debug::%0D%0Adebug%0A\n")]
    public void Annotation_MessageWithNewlines_IsEscaped(string kind, string message, string expected)
    {
        using var h = new CoreHarness();
        Annotate(h.Core, kind, message, null);
        Assert.That(h.Written, Is.EqualTo(expected));
    }

    [TestCase("error")]
    [TestCase("warning")]
    [TestCase("notice")]
    public void Annotation_WithProperties_WritesThemInToolkitOrder(string kind)
    {
        using var h = new CoreHarness();
        Annotate(h.Core, kind, "this is my error message", Props);
        Assert.That(h.Written, Is.EqualTo($"::{kind} title=A title,file=root/test.txt,line=5,endLine=5,col=1,endColumn=2::this is my error message\n"));
    }

    [Test]
    public void Annotation_EmptyProperties_AddNoSpace()
    {
        using var h = new CoreHarness();
        h.Core.Error("m", new AnnotationProperties());
        Assert.That(h.Written, Is.EqualTo("::error::m\n"));
    }

    [Test]
    public void Error_Exception_IsTypeColonMessage()
    {
        using var h = new CoreHarness();
        h.Core.Error(new InvalidOperationException("this is my error message"));
        Assert.That(h.Written, Is.EqualTo("::error::InvalidOperationException: this is my error message\n"));
    }

    [Test]
    public void AnnotationProperties_ToCommandProperties_MapFieldNames()
    {
        var map = Props.ToCommandProperties().ToDictionary(p => p.Key, p => p.Value);
        Assert.Multiple(() =>
        {
            Assert.That(map["title"], Is.EqualTo("A title"));
            Assert.That(map["file"], Is.EqualTo("root/test.txt"));
            Assert.That(map["col"], Is.EqualTo("1"));
            Assert.That(map["endColumn"], Is.EqualTo("2"));
            Assert.That(map["line"], Is.EqualTo("5"));
            Assert.That(map["endLine"], Is.EqualTo("5"));
            Assert.That(map.ContainsKey("startColumn"), Is.False);
            Assert.That(map.ContainsKey("startLine"), Is.False);
        });
    }

    [Test]
    public void StartGroup_And_EndGroup()
    {
        using var h = new CoreHarness();
        h.Core.StartGroup("my-group");
        h.Core.EndGroup();
        Assert.That(h.Written, Is.EqualTo("::group::my-group\n::endgroup::\n"));
    }

    [Test]
    public async Task Group_AsyncCall_IsWrappedAndItsResultReturned()
    {
        using var h = new CoreHarness();
        var result = await h.Core.Group("mygroup", () =>
        {
            h.Core.Info("in my group");
            return Task.FromResult(true);
        });
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.True);
            Assert.That(h.Written, Is.EqualTo("::group::mygroup\nin my group\n::endgroup::\n"));
        });
    }

    [Test]
    public void Group_BodyThrows_StillEnds()
    {
        using var h = new CoreHarness();
        Assert.ThrowsAsync<InvalidOperationException>(() => h.Core.Group<int>("g", () => throw new InvalidOperationException("boom")));
        Assert.That(h.Written, Does.EndWith("::endgroup::\n"));
    }

    [TestCase(true, "::echo::on\n")]
    [TestCase(false, "::echo::off\n")]
    public void SetCommandEcho_OnOrOff_WritesTheEchoCommand(bool enabled, string expected)
    {
        using var h = new CoreHarness();
        h.Core.SetCommandEcho(enabled);
        Assert.That(h.Written, Is.EqualTo(expected));
    }

    private static void Annotate(ActionCore core, string kind, string message, AnnotationProperties? props)
    {
        switch (kind)
        {
            case "error": core.Error(message, props); break;
            case "warning": core.Warning(message, props); break;
            case "notice": core.Notice(message, props); break;
            default: core.Debug(message); break;
        }
    }
}
