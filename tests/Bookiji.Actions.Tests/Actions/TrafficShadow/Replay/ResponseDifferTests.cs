using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class ResponseDifferTests
{
    private static readonly IReadOnlySet<string> Ignore = new ReplayOptions().IgnoreFields;

    private static string? Diff(string baseline, string canary, IReadOnlySet<string>? ignorePaths = null, IReadOnlyList<string>? redact = null) =>
        ResponseDiffer.Compare(200, baseline, 200, canary, Ignore, ignorePaths, redact);

    [Test]
    public void Compare_StatusDiffers_ReportsTheStatusBeforeAnyBody()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResponseDiffer.Compare(200, """{"a":1}""", 404, """{"a":2}""", Ignore), Is.EqualTo("status 200 → 404"));
            Assert.That(ResponseDiffer.Compare(200, null, null, null, Ignore), Is.EqualTo("status 200 → no response"));
        });
    }

    [Test]
    public void Compare_SameStatusAndABodyNotRead_IsNotADifference() =>
        Assert.That(ResponseDiffer.Compare(200, """{"a":1}""", 200, null, Ignore), Is.Null);

    [Test]
    public void Compare_SameFieldsInAnotherOrder_IsNotADifference() =>
        Assert.That(Diff("""{"a":1,"b":{"c":[1,2]}}""", """{"b":{"c":[1,2]},"a":1}"""), Is.Null);

    [Test]
    public void Compare_IgnoredFieldAtAnyDepth_IsNotADifference() =>
        Assert.That(Diff("""{"booking":{"id":1,"createdAt":"t1","seats":2}}""", """{"booking":{"id":2,"createdAt":"t2","seats":2}}"""), Is.Null);

    [Test]
    public void Compare_NumericFieldOnlyDiffersInLearnedNoise_IsNotADifference()
    {
        var noise = new HashSet<string>(StringComparer.Ordinal) { "$.slots[*].load" };
        const string a = """{"slots":[{"price":10,"load":0.31},{"price":12,"load":0.52}]}""";
        const string b = """{"slots":[{"price":10,"load":0.44},{"price":12,"load":0.61}]}""";
        Assert.Multiple(() =>
        {
            Assert.That(Diff(a, b, noise), Is.Null);
            Assert.That(Diff(a, b), Is.EqualTo("$.slots[0].load: 0.31 → 0.44"), "without the learned path it is a difference");
        });
    }

    [Test]
    public void Compare_FieldsMissingOrNewInTheCanary_AreNamed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Diff("""{"a":1,"b":2}""", """{"a":1}"""), Is.EqualTo("$.b: missing in canary"));
            Assert.That(Diff("""{"a":1}""", """{"a":1,"c":3}"""), Is.EqualTo("$.c: new in canary"));
        });
    }

    [Test]
    public void Compare_ArrayLengthOrValueKindDiffers_IsADifference()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Diff("""{"list":[1,2]}""", """{"list":[1,2,3]}"""), Is.EqualTo("$.list: 2 items → 3"));
            Assert.That(Diff("""{"n":1}""", """{"n":"1"}"""), Is.EqualTo("$.n: Number → String"));
            Assert.That(Diff("""{"n":null}""", """{"n":{}}"""), Is.EqualTo("$.n: Null → Object"));
        });
    }

    [Test]
    public void Compare_BodiesThatAreNotJson_AreComparedAsText()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Diff("<html>ok</html>", "<html>ok</html>"), Is.Null);
            Assert.That(Diff("<html>ok</html>", "<html>error</html>"), Is.EqualTo("body (not JSON) differs"));
            Assert.That(Diff("""{"a":1}""", "Internal Server Error"), Is.EqualTo("body (not JSON) differs"));
        });
    }

    [Test]
    public void Compare_ValueUnderASecretLookingField_IsRedacted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Diff("""{"auth":{"accessToken":"abc"}}""", """{"auth":{"accessToken":"xyz"}}"""), Is.EqualTo("$.auth.accessToken: (redacted) → (redacted)"));
            Assert.That(Diff("""{"sessions":[{"n":1}]}""", """{"sessions":[{"n":2}]}"""), Is.EqualTo("$.sessions[0].n: (redacted) → (redacted)"), "a secret-looking parent redacts its children");
            Assert.That(Diff("""{"pin":"1234"}""", """{"pin":"9999"}""", redact: ["pin"]), Is.EqualTo("$.pin: (redacted) → (redacted)"));
            Assert.That(Diff("""{"price":1}""", """{"price":2}"""), Is.EqualTo("$.price: 1 → 2"));
        });
    }

    [Test]
    public void Compare_LongValues_AreTrimmedTo40Characters()
    {
        var example = Diff($$"""{"text":"{{new string('a', 100)}}"}""", $$"""{"text":"{{new string('b', 100)}}"}""");
        Assert.That(example, Is.EqualTo("$.text: \"" + new string('a', 39) + "… → \"" + new string('b', 39) + "…"));
    }

    [Test]
    public void Compare_VeryLongPath_IsCappedAtTheMaximumExampleLength()
    {
        var name = new string('f', 300);
        var example = Diff($$"""{"{{name}}":1}""", $$"""{"{{name}}":2}""");
        Assert.That(example, Is.EqualTo(("$." + name)[..ResponseDiffer.MaxExampleLength] + "…"));
    }

    [Test]
    public void DifferingPaths_SeveralDifferingFields_AreListedOnceWithArrayIndicesGeneralized()
    {
        var paths = ResponseDiffer.DifferingPaths(
            """{"version":1,"items":[{"seen":1,"name":"a"},{"seen":2,"name":"b"}],"gone":true}""",
            """{"version":2,"items":[{"seen":5,"name":"a"},{"seen":6,"name":"b"}],"added":true}""");
        Assert.That(paths, Is.EqualTo(new[] { "$.version", "$.items[*].seen", "$.gone", "$.added" }));
    }

    [Test]
    public void DifferingPaths_IgnoredFieldsOrBodiesThatAreNotJson_GiveNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResponseDiffer.DifferingPaths("""{"id":1}""", """{"id":2}""", new HashSet<string> { "id" }), Is.Empty);
            Assert.That(ResponseDiffer.DifferingPaths("not json", "other"), Is.Empty);
        });
    }

    [Test]
    public void DifferingPaths_ManyDifferingArrayItems_StillListsTheOtherDifferingFields()
    {
        // The limit counted each differing item: 60 items used it up and $.version was never learned as noise.
        var first = "{\"items\":[" + string.Join(",", Enumerable.Range(0, 60).Select(i => $"{{\"seen\":{i}}}")) + "],\"version\":1}";
        var second = "{\"items\":[" + string.Join(",", Enumerable.Range(0, 60).Select(i => $"{{\"seen\":{i + 100}}}")) + "],\"version\":2}";
        Assert.That(ResponseDiffer.DifferingPaths(first, second), Is.EqualTo(new[] { "$.items[*].seen", "$.version" }));
    }

    [Test]
    public void DifferingPaths_ItemTypeChangedThenAFieldOfAnotherItem_ListsBoth()
    {
        const string first = """{"items":[{"ts":1},{"ts":1}]}""";
        const string second = """{"items":[null,{"ts":2}]}""";
        Assert.That(ResponseDiffer.DifferingPaths(first, second), Is.EqualTo(new[] { "$.items[*]", "$.items[*].ts" }));
    }
}
