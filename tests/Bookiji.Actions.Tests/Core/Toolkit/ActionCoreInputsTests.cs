using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Toolkit;

/// <summary>The official toolkit's getInput/getBooleanInput/getMultilineInput cases (core.test.ts), ported.</summary>
[TestFixture]
public sealed class ActionCoreInputsTests
{
    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["INPUT_MY_INPUT"] = "val",
        ["INPUT_MISSING"] = string.Empty,
        ["INPUT_SPECIAL_CHARS_'\t\"\\"] = "'\t\"\\ response ",
        ["INPUT_MULTIPLE_SPACES_VARIABLE"] = "I have multiple spaces",
        ["INPUT_BOOLEAN_INPUT"] = "true",
        ["INPUT_BOOLEAN_INPUT_TRUE1"] = "true",
        ["INPUT_BOOLEAN_INPUT_TRUE2"] = "True",
        ["INPUT_BOOLEAN_INPUT_TRUE3"] = "TRUE",
        ["INPUT_BOOLEAN_INPUT_FALSE1"] = "false",
        ["INPUT_BOOLEAN_INPUT_FALSE2"] = "False",
        ["INPUT_BOOLEAN_INPUT_FALSE3"] = "FALSE",
        ["INPUT_WRONG_BOOLEAN_INPUT"] = "wrong",
        ["INPUT_WITH_TRAILING_WHITESPACE"] = "  some val  ",
        ["INPUT_MY_INPUT_LIST"] = "val1\nval2\nval3",
        ["INPUT_LIST_WITH_TRAILING_WHITESPACE"] = "  val1  \n  val2  \n  ",
        ["INPUT_BASE-REF"] = "main",
        ["STATE_TEST_1"] = "state_val",
    };

    private static ActionCore Core() => new(new ActionEnvironment(Inputs), TextWriter.Null, Guid.NewGuid);

    [Test]
    public void GetInput_NonRequired_ReturnsValue() => Assert.That(Core().GetInput("my input"), Is.EqualTo("val"));

    [Test]
    public void GetInput_Required_ReturnsValue() => Assert.That(Core().GetInput("my input", new InputOptions { Required = true }), Is.EqualTo("val"));

    [Test]
    public void GetInput_MissingRequired_ThrowsToolkitMessageNamingInput()
    {
        var ex = Assert.Throws<InputException>(() => Core().GetInput("missing", new InputOptions { Required = true }));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Is.EqualTo("Input required and not supplied: missing"));
            Assert.That(ex.InputName, Is.EqualTo("missing"));
        });
    }

    [Test]
    public void GetInput_MissingNonRequired_ReturnsEmpty() => Assert.That(Core().GetInput("missing", new InputOptions { Required = false }), Is.Empty);

    [Test]
    public void GetInput_NameInMixedCase_IsCaseInsensitive() => Assert.That(Core().GetInput("My InPuT"), Is.EqualTo("val"));

    [Test]
    public void GetInput_SpecialCharactersInNameAndValue_AreHandled() => Assert.That(Core().GetInput("special chars_'\t\"\\"), Is.EqualTo("'\t\"\\ response"));

    [Test]
    public void GetInput_NameWithMultipleSpaces_IsHandled() => Assert.That(Core().GetInput("multiple spaces variable"), Is.EqualTo("I have multiple spaces"));

    [Test]
    public void GetInput_KeepsHyphens_AsTheRunnerDoes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ActionCore.InputVariableName("base-ref"), Is.EqualTo("INPUT_BASE-REF"));
            Assert.That(Core().GetInput("base-ref"), Is.EqualTo("main"));
        });
    }

    [Test]
    public void GetInput_WithoutOptions_TrimsByDefault() => Assert.That(Core().GetInput("with trailing whitespace"), Is.EqualTo("some val"));

    [Test]
    public void GetInput_TrimWhitespaceTrue_Trims() =>
        Assert.That(Core().GetInput("with trailing whitespace", new InputOptions { TrimWhitespace = true }), Is.EqualTo("some val"));

    [Test]
    public void GetInput_TrimWhitespaceFalse_DoesNotTrim() =>
        Assert.That(Core().GetInput("with trailing whitespace", new InputOptions { TrimWhitespace = false }), Is.EqualTo("  some val  "));

    [Test]
    public void GetBooleanInput_NonRequired_IsTrue() => Assert.That(Core().GetBooleanInput("boolean input"), Is.True);

    [Test]
    public void GetBooleanInput_Required_IsTrue() => Assert.That(Core().GetBooleanInput("boolean input", new InputOptions { Required = true }), Is.True);

    [TestCase("boolean input true1", true)]
    [TestCase("boolean input true2", true)]
    [TestCase("boolean input true3", true)]
    [TestCase("boolean input false1", false)]
    [TestCase("boolean input false2", false)]
    [TestCase("boolean input false3", false)]
    public void GetBooleanInput_SixCoreSchemaSpellings_AreAccepted(string name, bool expected) =>
        Assert.That(Core().GetBooleanInput(name), Is.EqualTo(expected));

    [Test]
    public void GetBooleanInput_Wrong_ThrowsCoreSchemaMessage()
    {
        var ex = Assert.Throws<InputException>(() => Core().GetBooleanInput("wrong boolean input"));
        Assert.That(ex!.Message, Is.EqualTo(
            "Input does not meet YAML 1.2 \"Core Schema\" specification: wrong boolean input\n" +
            "Support boolean input list: `true | True | TRUE | false | False | FALSE`"));
    }

    [TestCase("yes")]
    [TestCase("1")]
    [TestCase("tRUE")]
    [TestCase("on")]
    public void ParseYamlBoolean_Yaml11AndOtherSpellings_AreRejected(string text) => Assert.That(ActionCore.ParseYamlBoolean(text), Is.Null);

    [Test]
    public void GetMultilineInput_MultilineValue_SplitsLines() =>
        Assert.That(Core().GetMultilineInput("my input list"), Is.EqualTo(new[] { "val1", "val2", "val3" }));

    [Test]
    public void GetMultilineInput_WithoutOptions_TrimsByDefault() =>
        Assert.That(Core().GetMultilineInput("list with trailing whitespace"), Is.EqualTo(new[] { "val1", "val2" }));

    [Test]
    public void GetMultilineInput_TrimWhitespaceTrue_Trims() =>
        Assert.That(Core().GetMultilineInput("list with trailing whitespace", new InputOptions { TrimWhitespace = true }), Is.EqualTo(new[] { "val1", "val2" }));

    [Test]
    public void GetMultilineInput_TrimWhitespaceFalse_DoesNotTrim() =>
        Assert.That(Core().GetMultilineInput("list with trailing whitespace", new InputOptions { TrimWhitespace = false }), Is.EqualTo(new[] { "  val1  ", "  val2  ", "  " }));

    [Test]
    public void GetState_StateVariableSet_ReadsWrapperState() => Assert.That(Core().GetState("TEST_1"), Is.EqualTo("state_val"));

    [Test]
    public void IsDebug_RunnerDebugSetOrUnset_FollowsRunnerDebug()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ActionCore(new ActionEnvironment(new Dictionary<string, string>()), TextWriter.Null, Guid.NewGuid).IsDebug, Is.False);
            Assert.That(new ActionCore(new ActionEnvironment(new Dictionary<string, string> { ["RUNNER_DEBUG"] = "1" }), TextWriter.Null, Guid.NewGuid).IsDebug, Is.True);
        });
    }
}
