using System.Text.Json;
using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Graph;

[TestFixture]
public sealed class PackageMapTests
{
    private static LocalPackage Package(string directory, string json) =>
        new(directory, JsonSerializer.Deserialize<PackageJson>(json, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })!);

    private static readonly PackageMap Map = new([
        Package("", """{ "name": "root" }"""),
        Package("packages/core", """{ "name": "@x/core", "main": "./lib/index.js" }"""),
        Package("packages/ui", """{ "name": "@x/ui", "dependencies": { "@x/core": "^1" } }"""),
        Package("packages/app", """{ "name": "app", "devDependencies": { "@x/ui": "*" }, "peerDependencies": { "react": "*" } }"""),
    ]);

    [Test]
    public void OwnerOf_NestedFile_IsTheDeepestPackage() =>
        Assert.That((Map.OwnerOf("packages/ui/src/a.ts")?.Directory, Map.OwnerOf("scripts/x.ts")?.Directory), Is.EqualTo(("packages/ui", "")));

    [Test]
    public void Affected_ChangeInCore_IsCoreAndEveryTransitiveDependent() =>
        Assert.That(Map.Affected(["packages/core/src/x.ts"]), Is.EquivalentTo(new[] { "packages/core", "packages/ui", "packages/app" }));

    [Test]
    public void Affected_ChangeInALeaf_IsOnlyThatPackage() =>
        Assert.That(Map.Affected(["packages/app/src/main.ts"]), Is.EquivalentTo(new[] { "packages/app" }));

    [Test]
    public void BuildOutputOf_PathUnderTheFolderItsEntriesName_IsThatPackage()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Map.BuildOutputOf("packages/core/lib/index.js")?.Directory, Is.EqualTo("packages/core"), "main names lib/");
            Assert.That(Map.BuildOutputOf("packages/core/dist/index.js"), Is.Null, "core declares lib/, not dist/");
            Assert.That(Map.BuildOutputOf("packages/ui/dist/ui.js")?.Directory, Is.EqualTo("packages/ui"), "no entries: dist, build or lib");
            Assert.That(Map.BuildOutputOf("packages/ui/src/ui.ts"), Is.Null);
        });
    }

    [Test]
    public void IsMonorepo_OnePackage_IsFalse() =>
        Assert.That(new PackageMap([Package("", """{ "name": "solo" }""")]).IsMonorepo, Is.False);
}
