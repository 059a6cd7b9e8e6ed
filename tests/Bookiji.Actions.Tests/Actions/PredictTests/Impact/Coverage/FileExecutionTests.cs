using Bookiji.Actions.PredictTests.Impact.Coverage;
using R = Bookiji.Actions.PredictTests.Impact.Coverage.IstanbulFileCoverage;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact.Coverage;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FileExecutionTests
{
    private static R.Range Span(int first, int last) => new(new R.Position(first, 0), new R.Position(last, 1));

    [Test]
    public void From_V8PerLineStatements_KeepsTheExecutedLinesAndCalledFunctions()
    {
        // As v8-to-istanbul writes it: one statement per line, the body of an uncalled function at 0.
        var coverage = new R("/w/src/a.js",
            new Dictionary<string, R.Range?> { ["0"] = Span(1, 1), ["1"] = Span(2, 2), ["2"] = Span(3, 3), ["3"] = Span(5, 5), ["4"] = Span(6, 6), ["5"] = Span(7, 7) },
            new Dictionary<string, R.Function?> { ["0"] = new("f", Span(1, 3)), ["1"] = new("g", Span(5, 7)) },
            new Dictionary<string, double> { ["0"] = 1, ["1"] = 1, ["2"] = 1, ["3"] = 1, ["4"] = 0, ["5"] = 0 },
            new Dictionary<string, double> { ["0"] = 2, ["1"] = 0 });

        var execution = FileExecution.From(coverage);

        Assert.That(execution.Lines, Is.EqualTo(new[] { 1, 3, 5, 5 }));
        Assert.That(execution.Functions, Is.EqualTo(new[] { 1, 3, 5, 7 }));
        Assert.That(execution.Executed, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void From_OuterStatementHoldingAnUncalledArrowFunction_DoesNotCountItsBody()
    {
        // Istanbul's instrumenter: `export const f = () => {…}` is one statement over lines 1–4, run at import.
        var coverage = new R("src/a.js",
            new Dictionary<string, R.Range?> { ["0"] = Span(1, 4), ["1"] = Span(2, 2), ["2"] = Span(3, 3), ["3"] = Span(6, 6) },
            new Dictionary<string, R.Function?> { ["0"] = new("f", Span(1, 4)) },
            new Dictionary<string, double> { ["0"] = 1, ["1"] = 0, ["2"] = 0, ["3"] = 1 },
            new Dictionary<string, double> { ["0"] = 0 });

        var execution = FileExecution.From(coverage);

        Assert.That(execution.Lines, Is.EqualTo(new[] { 1, 1, 6, 6 }), "line 1 ran (the declaration), its body did not");
        Assert.That(execution.Executed, Is.Empty);
    }

    [Test]
    public void From_OuterStatementHoldingACalledFunction_CountsTheBodyStatementsThatRan()
    {
        var coverage = new R("src/a.js",
            new Dictionary<string, R.Range?> { ["0"] = Span(1, 5), ["1"] = Span(2, 2), ["2"] = Span(3, 4) },
            new Dictionary<string, R.Function?> { ["0"] = new("f", Span(1, 5)) },
            new Dictionary<string, double> { ["0"] = 1, ["1"] = 0, ["2"] = 3 },
            new Dictionary<string, double> { ["0"] = 3 });

        var execution = FileExecution.From(coverage);

        Assert.That(execution.Lines, Is.EqualTo(new[] { 1, 1, 3, 4 }), "the multi-line inner statement's lines stay, whatever order the statements come in");
        Assert.That(execution.Executed, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void From_HostileLocations_AreDroppedNotTrusted()
    {
        var coverage = new R("src/a.js",
            new Dictionary<string, R.Range?> { ["0"] = Span(0, 3), ["1"] = Span(5, 2), ["2"] = Span(1, FileExecution.MaxLine + 1), ["3"] = null, ["4"] = Span(2, 2) },
            new Dictionary<string, R.Function?> { ["0"] = new("f", null), ["1"] = null },
            new Dictionary<string, double> { ["0"] = 1, ["1"] = 1, ["2"] = 1, ["3"] = 1, ["4"] = 1 },
            null);

        var execution = FileExecution.From(coverage);

        Assert.That(execution.Lines, Is.EqualTo(new[] { 2, 2 }));
        Assert.That(execution.Functions, Is.Empty);
    }
}
