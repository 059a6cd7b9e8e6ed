using Bookiji.Actions.PredictTests.Impact;
using Bookiji.Actions.PredictTests.Impact.Coverage;
using Bookiji.Actions.PredictTests.Impact.Diff;
using Bookiji.Actions.PredictTests.Impact.Results;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ImpactSelectorTests
{
    private static readonly ImpactIndex Index = new(ImpactSamples.Library());

    private static FileImpact Decide(params DiffHunk[] hunks) => ImpactSelector.Decide(Index, new FileChange("src/lib.ts", hunks, LineMap.Identity));

    [Test]
    public void Decide_ExecutedLineChanged_SelectsTheTestsThatRanIt()
    {
        var verdict = Decide(new DiffHunk(9, 1, 9, 1));

        Assert.That(verdict.Evidence, Is.EqualTo(ImpactEvidence.Lines));
        Assert.That(verdict.Tests.Keys, Is.EquivalentTo(new[] { "src/b.test.ts" }));
        Assert.That(verdict.Tests["src/b.test.ts"], Is.EqualTo("executes src/lib.ts:9, changed"));
    }

    [Test]
    public void Decide_UnexecutedLineInsideACalledFunction_SelectsTheFunctionsCallers()
    {
        // Line 4 of f never ran (a branch not taken), but a.test called f.
        var verdict = Decide(new DiffHunk(4, 1, 4, 1));

        Assert.That(verdict.Tests.Keys, Is.EquivalentTo(new[] { "src/a.test.ts" }));
        Assert.That(verdict.Tests["src/a.test.ts"], Does.Contain("src/lib.ts:1–5 (the function holding the change)"));
    }

    [Test]
    public void Decide_FunctionsFirstLineChanged_SelectsItsCallersNotEveryTestLoadingTheModule()
    {
        // Line 7 opens g (`const g = () => {`): c.test ran it at import, only b.test called g.
        var header = Decide(new DiffHunk(7, 1, 7, 1));
        var headerAndBody = Decide(new DiffHunk(7, 3, 7, 3));

        Assert.That(header.Tests.Keys, Is.EquivalentTo(new[] { "src/b.test.ts" }));
        Assert.That(header.Tests["src/b.test.ts"], Does.Contain("(the function holding the change)"));
        Assert.That(headerAndBody.Tests.Keys, Is.EquivalentTo(new[] { "src/b.test.ts" }), "c.test executed none of lines 8–9");
    }

    [Test]
    public void Decide_NestedFunctionsFirstLineChanged_KeepsTheLinesEvidence()
    {
        // f (1–10) holds a callback (3–5) that starts on the line its caller runs: `return p.then((s) =>` with `raw(s)` on line 3.
        int[] functions = [1, 10, 3, 5];
        var data = ImpactLearner.Learn(
            [
                new TestExecution("src/a.test.ts", new Dictionary<string, FileExecution> { ["src/lib.ts"] = new([1, 3], functions, [0]) }),
                new TestExecution("src/b.test.ts", new Dictionary<string, FileExecution> { ["src/lib.ts"] = new([1, 1], functions, []) }),
            ],
            new Dictionary<string, string> { ["src/lib.ts"] = new string('b', 40) },
            new Dictionary<string, TestOutcome>(),
            null,
            ImpactSamples.Commit,
            new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero),
            20,
            []);

        var verdict = ImpactSelector.Decide(new ImpactIndex(data), new FileChange("src/lib.ts", [new DiffHunk(3, 1, 3, 1)], LineMap.Identity));

        Assert.That(verdict.Tests.Keys, Is.EquivalentTo(new[] { "src/a.test.ts" }), "a.test ran line 3 on its way to the callback; b.test only loaded the module");
    }

    [Test]
    public void Decide_InsertionInsideAFunction_SelectsItsCallersOnly()
    {
        var verdict = Decide(new DiffHunk(10, 0, 11, 3));

        Assert.That(verdict.Evidence, Is.EqualTo(ImpactEvidence.Lines));
        Assert.That(verdict.Tests.Keys, Is.EquivalentTo(new[] { "src/b.test.ts" }), "c.test loads the module (line 7) but never calls g");
    }

    [Test]
    public void Decide_LinesOutsideEveryFunctionAndCoveredLine_FallBackToFileLevel()
    {
        var verdict = Decide(new DiffHunk(6, 0, 7, 4)); // a new function between f and g

        Assert.That(verdict.Evidence, Is.EqualTo(ImpactEvidence.File));
        Assert.That(verdict.OutsideFunctions, Is.EqualTo(1));
        Assert.That(verdict.Tests.Keys, Is.EquivalentTo(new[] { "src/a.test.ts", "src/b.test.ts", "src/c.test.ts" }));
    }

    [Test]
    public void Decide_DriftMoveTheFunction_MapsTheHunkBack()
    {
        // Since the analysis, three lines were added at the top: base line 12 is analysed line 9.
        var verdict = ImpactSelector.Decide(Index, new FileChange("src/lib.ts", [new DiffHunk(12, 1, 12, 1)], new LineMap([new DiffHunk(0, 0, 1, 3)])) { Drifted = true });

        Assert.That(verdict.Evidence, Is.EqualTo(ImpactEvidence.Lines));
        Assert.That(verdict.DriftMapped, Is.EqualTo(1));
        Assert.That(verdict.Tests.Keys, Is.EquivalentTo(new[] { "src/b.test.ts" }));
    }

    [Test]
    public void Decide_TopLevelStatementInADriftedRegion_FallsBackToFileLevel()
    {
        // Line 6 (between f and g) was rewritten since the analysis, and the change rewrites it again.
        var hunk = new DiffHunk(6, 1, 6, 1) { Removed = "register(a);\n", Added = "register(b);\n" };
        var verdict = ImpactSelector.Decide(Index, new FileChange("src/lib.ts", [hunk], new LineMap([new DiffHunk(6, 1, 6, 1)])) { Drifted = true });

        Assert.That(verdict.Evidence, Is.EqualTo(ImpactEvidence.File));
        Assert.That(verdict.DriftUnmappable, Is.EqualTo(1));
        Assert.That(verdict.Tests, Has.Count.EqualTo(3));
    }

    [Test]
    public void Decide_HunkInADriftedRegionInsideAFunctionStillThere_IsPlacedByThatFunction()
    {
        // Since the analysis, line 9 of g was rewritten; the change edits it again. g's lines 7 and 12 are where they were.
        var verdict = ImpactSelector.Decide(Index, new FileChange("src/lib.ts", [new DiffHunk(9, 1, 9, 1)], new LineMap([new DiffHunk(9, 1, 9, 1)])) { Drifted = true });

        Assert.That(verdict.Evidence, Is.EqualTo(ImpactEvidence.Lines));
        Assert.That(verdict.DriftEnclosing, Is.EqualTo(1));
        Assert.That(verdict.Tests.Keys, Is.EquivalentTo(new[] { "src/b.test.ts" }));
    }

    [Test]
    public void Decide_NewTopLevelFunctionOrCommentOnly_SelectsNothingByItself()
    {
        var function = Decide(new DiffHunk(6, 0, 7, 3) { Added = "export function h() {\n  return 3;\n}\n", Removed = "" });
        var comment = Decide(new DiffHunk(6, 1, 6, 2) { Added = "/**\n * Doc.\n */\n", Removed = "// doc\n" });
        var statement = Decide(new DiffHunk(6, 0, 7, 1) { Added = "register(h);\n", Removed = "" });

        Assert.That((function.Evidence, function.Tests.Count, function.Declarations), Is.EqualTo((ImpactEvidence.Lines, 0, 1)));
        Assert.That((comment.Evidence, comment.Tests.Count), Is.EqualTo((ImpactEvidence.Lines, 0)));
        Assert.That(statement.Evidence, Is.EqualTo(ImpactEvidence.File), "a top-level call runs at import in every test that loads the file");
    }

    [Test]
    public void Decide_HunkOnImportLinesOfAChangeThatOnlyRebinds_SelectsNothingByItself()
    {
        // Line 6 lies outside every function and covered line: an import line there is file level unless the change only rebinds names.
        var hunk = new DiffHunk(6, 1, 6, 1) { Removed = "import { a } from './util.js';\n", Added = "import { a, b } from './util.js';\n" };
        var rebinds = ImpactSelector.Decide(Index, new FileChange("src/lib.ts", [hunk], LineMap.Identity) { Imports = new ImportSpans([6, 6], [6, 6]) });
        var unknown = ImpactSelector.Decide(Index, new FileChange("src/lib.ts", [hunk], LineMap.Identity));
        var beyond = ImpactSelector.Decide(Index, new FileChange("src/lib.ts", [hunk with { NewCount = 2, Added = "import { a, b } from './util.js';\nsetup();\n" }], LineMap.Identity) { Imports = new ImportSpans([6, 6], [6, 6]) });

        Assert.That((rebinds.Evidence, rebinds.Tests.Count, rebinds.Declarations), Is.EqualTo((ImpactEvidence.Lines, 0, 1)));
        Assert.That(unknown.Evidence, Is.EqualTo(ImpactEvidence.File));
        Assert.That(beyond.Evidence, Is.EqualTo(ImpactEvidence.File), "a hunk reaching past the import lines is code");
    }

    [Test]
    public void Decide_UnknownLinesOrDrift_FallBackToFileLevel()
    {
        Assert.That(ImpactSelector.Decide(Index, new FileChange("src/lib.ts", null, LineMap.Identity)).Evidence, Is.EqualTo(ImpactEvidence.File));
        var unmappable = ImpactSelector.Decide(Index, new FileChange("src/lib.ts", [new DiffHunk(9, 1, 9, 1)], null) { Drifted = true });
        Assert.That(unmappable.Evidence, Is.EqualTo(ImpactEvidence.File));
        Assert.That(unmappable.Note, Does.Contain("not in this clone"));
    }

    [Test]
    public void Decide_FileNoTestExecuted_LeavesItToTheImportGraph()
    {
        var verdict = ImpactSelector.Decide(Index, new FileChange("src/other.ts", [new DiffHunk(1, 1, 1, 1)], LineMap.Identity));

        Assert.That(verdict.Evidence, Is.EqualTo(ImpactEvidence.ImportGraph));
        Assert.That(verdict.Tests, Is.Empty);
    }

    [Test]
    public void Decide_FileLevelWithNoTestThatExecutedALine_LeavesItToTheImportGraph()
    {
        // The reports list src/reexports.ts, but with no executed line (all re-exports): file level would select nobody.
        var data = ImpactSamples.Library();
        var listed = data with { Files = [.. data.Files, new ImpactSourceFile("src/reexports.ts", new string('e', 40), [], [])] };

        var verdict = ImpactSelector.Decide(new ImpactIndex(listed), new FileChange("src/reexports.ts", [new DiffHunk(3, 0, 4, 1) { Added = "  toZod,\n", Removed = "" }], LineMap.Identity));

        Assert.That(verdict.Evidence, Is.EqualTo(ImpactEvidence.ImportGraph));
        Assert.That(verdict.Note, Does.Contain("no test executed any line"));
    }

    [Test]
    public void Index_CoversPointingOutsideTheTables_AreIgnored()
    {
        var data = ImpactSamples.Library();
        var hostile = data with { Tests = [.. data.Tests, new ImpactTest("src/z.test.ts", [0, 99, 42, 0, -1, 0, 0], "p")] };

        var index = new ImpactIndex(hostile);

        Assert.That(index.Executors("src/lib.ts").Select(e => e.Test), Is.EquivalentTo(new[] { "src/a.test.ts", "src/b.test.ts", "src/c.test.ts" }));
    }
}
