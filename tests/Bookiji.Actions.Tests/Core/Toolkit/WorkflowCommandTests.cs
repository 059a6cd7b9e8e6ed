using System.Text.Json.Nodes;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Toolkit;

/// <summary>The toolkit's command.test.ts cases, ported.</summary>
[TestFixture]
public sealed class WorkflowCommandTests
{
    private static string F(string command, (string Key, string? Value)[]? props, string? message) =>
        WorkflowCommand.Format(command, props?.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)), message);

    [Test]
    public void Format_CommandOnly_IsWrittenAlone() => Assert.That(F("some-command", null, string.Empty), Is.EqualTo("::some-command::"));

    [Test]
    public void Format_MessageWithSpecialCharacters_IsEscaped()
    {
        Assert.Multiple(() =>
        {
            Assert.That(F("some-command", null, "percent % percent % cr \r cr \r lf \n lf \n"), Is.EqualTo("::some-command::percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A"));
            Assert.That(F("some-command", null, "%25 %25 %0D %0D %0A %0A"), Is.EqualTo("::some-command::%2525 %2525 %250D %250D %250A %250A"));
        });
    }

    [Test]
    public void Format_PropertyWithSpecialCharacters_IsEscaped()
    {
        Assert.Multiple(() =>
        {
            Assert.That(F("some-command", [("name", "percent % percent % cr \r cr \r lf \n lf \n colon : colon : comma , comma ,")], string.Empty),
                Is.EqualTo("::some-command name=percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A colon %3A colon %3A comma %2C comma %2C::"));
            Assert.That(F("some-command", null, "%25 %25 %0D %0D %0A %0A %3A %3A %2C %2C"), Is.EqualTo("::some-command::%2525 %2525 %250D %250D %250A %250A %253A %253A %252C %252C"));
        });
    }

    [Test]
    public void Format_WithMessage_WritesIt() => Assert.That(F("some-command", null, "some message"), Is.EqualTo("::some-command::some message"));

    [Test]
    public void Format_WithMessageAndProperties_WritesBoth() =>
        Assert.That(F("some-command", [("prop1", "value 1"), ("prop2", "value 2")], "some message"), Is.EqualTo("::some-command prop1=value 1,prop2=value 2::some message"));

    [Test]
    public void Format_OneTwoOrThreeProperties_AreCommaSeparated()
    {
        Assert.Multiple(() =>
        {
            Assert.That(F("some-command", [("prop1", "value 1")], string.Empty), Is.EqualTo("::some-command prop1=value 1::"));
            Assert.That(F("some-command", [("prop1", "value 1"), ("prop2", "value 2")], string.Empty), Is.EqualTo("::some-command prop1=value 1,prop2=value 2::"));
            Assert.That(F("some-command", [("prop1", "value 1"), ("prop2", "value 2"), ("prop3", "value 3")], string.Empty), Is.EqualTo("::some-command prop1=value 1,prop2=value 2,prop3=value 3::"));
        });
    }

    [Test]
    public void Format_EmptyPropertyValues_AreSkipped() =>
        Assert.That(F("some-command", [("a", null), ("b", "x"), ("c", string.Empty)], "m"), Is.EqualTo("::some-command b=x::m"));

    [Test]
    public void Format_NonStringObjects_AreJsonOrInvariantText()
    {
        var obj = new JsonObject { ["test"] = "object" };
        var text = F("some-command", [("prop1", CommandValue.From(obj)), ("prop2", CommandValue.From(123)), ("prop3", CommandValue.From(true))], CommandValue.From(obj));
        Assert.That(text, Is.EqualTo("::some-command prop1={\"test\"%3A\"object\"},prop2=123,prop3=true::{\"test\":\"object\"}"));
    }

    [Test]
    public void CommandValue_Null_IsEmpty() => Assert.That(CommandValue.From(null), Is.Empty);
}
