using System.Text.Json.Nodes;

namespace Bookiji.Actions.Tests.Core.Toolkit;

/// <summary>The toolkit's file-command and legacy-command cases for outputs, env, path, state and secrets, ported.</summary>
[Category("Integration")]
[TestFixture]
public sealed class ActionCoreFileCommandsTests
{
    private const string D = CoreHarness.Delimiter;

    [TestCase("OUTPUT")]
    [TestCase("ENV")]
    [TestCase("STATE")]
    public void KeyValueCommand_FileCommand_WritesHeredocWithToolkitDelimiter(string command)
    {
        using var h = new CoreHarness();
        var path = h.CreateFileCommandFile(command);
        Issue(h, command, "my var", "var val");
        Assert.That(File.ReadAllText(path), Is.EqualTo($"my var<<{D}\nvar val\n{D}\n"));
    }

    [TestCase("OUTPUT", true, "true")]
    [TestCase("OUTPUT", 5, "5")]
    [TestCase("ENV", true, "true")]
    [TestCase("ENV", 5, "5")]
    [TestCase("STATE", true, "true")]
    [TestCase("STATE", 5, "5")]
    public void KeyValueCommand_NonStringValue_IsConverted(string command, object value, string expected)
    {
        using var h = new CoreHarness();
        var path = h.CreateFileCommandFile(command);
        Issue(h, command, "my var", value);
        Assert.That(File.ReadAllText(path), Is.EqualTo($"my var<<{D}\n{expected}\n{D}\n"));
    }

    [TestCase("OUTPUT")]
    [TestCase("ENV")]
    [TestCase("STATE")]
    public void KeyValueCommand_DelimiterInValue_IsRefused(string command)
    {
        using var h = new CoreHarness();
        var path = h.CreateFileCommandFile(command);
        var ex = Assert.Throws<InvalidOperationException>(() => Issue(h, command, "my var", $"good stuff {D} bad stuff"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Is.EqualTo($"Unexpected input: value should not contain the delimiter \"{D}\""));
            Assert.That(File.ReadAllText(path), Is.Empty, "nothing may be written when the value is refused");
        });
    }

    [TestCase("OUTPUT")]
    [TestCase("ENV")]
    [TestCase("STATE")]
    public void KeyValueCommand_DelimiterInName_IsRefused(string command)
    {
        using var h = new CoreHarness();
        h.CreateFileCommandFile(command);
        var ex = Assert.Throws<InvalidOperationException>(() => Issue(h, command, $"good stuff {D} bad stuff", "test"));
        Assert.That(ex!.Message, Is.EqualTo($"Unexpected input: name should not contain the delimiter \"{D}\""));
    }

    [Test]
    public void SetOutput_JsonNode_WritesCompactJson()
    {
        using var h = new CoreHarness();
        var path = h.CreateFileCommandFile("OUTPUT");
        h.Core.SetOutput("tests", new JsonArray("a.spec.ts", "b.spec.ts"));
        Assert.That(File.ReadAllText(path), Is.EqualTo($"tests<<{D}\n[\"a.spec.ts\",\"b.spec.ts\"]\n{D}\n"));
    }

    [Test]
    public void SetOutput_MissingFile_ThrowsToolkitMessage()
    {
        using var h = new CoreHarness(new Dictionary<string, string> { ["GITHUB_OUTPUT"] = "/nonexistent/out" });
        var ex = Assert.Throws<InvalidOperationException>(() => h.Core.SetOutput("a", "b"));
        Assert.That(ex!.Message, Is.EqualTo("Missing file at path: /nonexistent/out"));
    }

    [Test]
    public void ExportVariable_FileCommand_SetsTheEnvironmentToo()
    {
        using var h = new CoreHarness();
        h.CreateFileCommandFile("ENV");
        h.Core.ExportVariable("my var", "var val");
        Assert.That(h.Environment["my var"], Is.EqualTo("var val"));
    }

    [Test]
    public void ExportVariable_Legacy_WritesSetEnvCommand()
    {
        using var h = new CoreHarness();
        h.Core.ExportVariable("my var", "var val");
        Assert.That(h.Written, Is.EqualTo("::set-env name=my var::var val\n"));
    }

    [Test]
    public void ExportVariable_Legacy_EscapesNameAndValue()
    {
        using var h = new CoreHarness();
        h.Core.ExportVariable("special char var \r\n,:", "special val");
        h.Core.ExportVariable("my var2", "var val\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(h.Written, Is.EqualTo("::set-env name=special char var %0D%0A%2C%3A::special val\n::set-env name=my var2::var val%0D%0A\n"));
            Assert.That(h.Environment["my var2"], Is.EqualTo("var val\r\n"));
        });
    }

    [TestCase(true, "true")]
    [TestCase(5, "5")]
    public void ExportVariable_LegacyNonStringValue_IsConverted(object value, string expected)
    {
        using var h = new CoreHarness();
        h.Core.ExportVariable("my var", value);
        Assert.That(h.Written, Is.EqualTo($"::set-env name=my var::{expected}\n"));
    }

    [Test]
    public void AddPath_FileCommand_WritesFileAndPrependsPath()
    {
        using var h = new CoreHarness(new Dictionary<string, string> { ["PATH"] = "path1:path2" });
        var path = h.CreateFileCommandFile("PATH");
        h.Core.AddPath("myPath");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("myPath\n"));
            Assert.That(h.Environment["PATH"], Is.EqualTo("myPath:path1:path2"));
        });
    }

    [Test]
    public void AddPath_Legacy_WritesAddPathCommand()
    {
        using var h = new CoreHarness(new Dictionary<string, string> { ["PATH"] = "path1:path2" });
        h.Core.AddPath("myPath");
        Assert.Multiple(() =>
        {
            Assert.That(h.Written, Is.EqualTo("::add-path::myPath\n"));
            Assert.That(h.Environment["PATH"], Is.EqualTo("myPath:path1:path2"));
        });
    }

    [Test]
    public void SetSecret_SpacedOrMultilineSecret_WritesAddMaskEscaped()
    {
        using var h = new CoreHarness();
        h.Core.SetSecret("secret val");
        h.Core.SetSecret("multi\nline\r\nsecret");
        Assert.That(h.Written, Is.EqualTo("::add-mask::secret val\n::add-mask::multi%0Aline%0D%0Asecret\n"));
    }

    [Test]
    public void SetSecret_ShorterThanFourCharacters_SendsNoAddMask()
    {
        using var h = new CoreHarness();
        h.Core.SetSecret("p");
        h.Core.Info("people");
        Assert.That(h.Written, Is.EqualTo("people\n"));
    }

    [Test]
    public void SetUserInfoSecret_ShortPassword_MasksTheUserInfoButNotThePasswordAlone()
    {
        using var h = new CoreHarness();
        h.Core.SetUserInfoSecret("u:p");
        h.Core.Info("u:p is up");
        Assert.That(h.Written, Is.EqualTo("::add-mask::u:p\n*** is up\n"));
    }

    [Test]
    public void SetUserInfoSecret_EscapedPassword_MasksEverySpelling()
    {
        using var h = new CoreHarness();
        h.Core.SetUserInfoSecret("user:pa%40ss");
        h.Core.Info("user:pa@ss pa%40ss pa@ss");
        Assert.That(h.Written, Does.EndWith("\n*** *** ***\n"));
    }

    [Test]
    public void SetSecret_LaterLogLines_AreMasked()
    {
        using var h = new CoreHarness();
        h.Core.SetSecret("hunter2");
        h.Core.Info("password is hunter2");
        h.Core.Warning("still hunter2");
        Assert.That(h.Written, Does.EndWith("password is ***\n::warning::still ***\n"));
    }

    [TestCase("some value", "some value")]
    [TestCase(false, "false")]
    [TestCase(1.01, "1.01")]
    public void SetOutput_Legacy_WritesNewlineThenSetOutput(object value, string expected)
    {
        using var h = new CoreHarness();
        h.Core.SetOutput("some output", value);
        Assert.That(h.Written, Is.EqualTo($"\n::set-output name=some output::{expected}\n"));
    }

    [TestCase("some value", "some value")]
    [TestCase(1, "1")]
    [TestCase(true, "true")]
    public void SaveState_Legacy_WritesSaveState(object value, string expected)
    {
        using var h = new CoreHarness();
        h.Core.SaveState("state_1", value);
        Assert.That(h.Written, Is.EqualTo($"::save-state name=state_1::{expected}\n"));
    }

    private static void Issue(CoreHarness h, string command, string name, object value)
    {
        switch (command)
        {
            case "OUTPUT": h.Core.SetOutput(name, value); break;
            case "ENV": h.Core.ExportVariable(name, value); break;
            default: h.Core.SaveState(name, value); break;
        }
    }
}
