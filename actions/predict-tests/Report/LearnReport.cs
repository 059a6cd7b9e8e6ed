using System.Globalization;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.PredictTests.Impact;
using static Bookiji.Actions.Core.Summary.StepSummary;
using D = Bookiji.Actions.PredictTests.PredictTestsDefinition;

namespace Bookiji.Actions.PredictTests.Report;

/// <summary>Learn mode's output, log line and summary.</summary>
internal static class LearnReport
{
    /// <summary>Notes and flaky tests listed before the rest is counted.</summary>
    public const int MaxRows = 50;

    /// <summary>What learn mode did.</summary>
    /// <param name="Data">The data written.</param>
    /// <param name="Path">Where, relative to the workspace.</param>
    /// <param name="Bytes">Its size on disk.</param>
    /// <param name="Seconds">Wall time of the run.</param>
    /// <param name="Reports">Test reports read.</param>
    /// <param name="Extended">Whether an earlier data file's outcomes were carried over.</param>
    public sealed record Facts(ImpactData Data, string Path, long Bytes, double Seconds, int Reports, bool Extended);

    public static async Task WriteAsync(ActionRuntime runtime, Facts facts, CancellationToken cancellationToken)
    {
        var data = facts.Data;
        var core = runtime.Core;
        core.SetOutput(D.ImpactDataPathOutput, facts.Path);
        var covered = data.Tests.Count(t => t.Covers.Count > 0);
        var line = $"Impact data for {data.Commit[..12]}: {covered} test(s) with coverage ({data.Tests.Count} with a record), {data.Files.Count} source file(s), " +
            $"{data.Files.Sum(f => f.Patterns.Count):N0} distinct pattern(s); {facts.Bytes:N0} bytes in {facts.Seconds:0.0} s.";
        core.Info(line);
        foreach (var note in data.Notes.Take(MaxRows))
        {
            core.Warning(note);
        }

        if (covered == 0)
        {
            core.Warning("No test has coverage: plan mode will plan by the import graph alone. Check the layout <coverage-dir>/<test file>/coverage-final.json.");
        }

        if (!runtime.Summary.IsAvailable)
        {
            return;
        }

        var summary = runtime.Summary;
        summary.AddHeading("Impact data learnt", 2);
        summary.AddRaw($"<p>{Escape(line)} Written to <code>{Escape(facts.Path)}</code>; {facts.Reports} test report(s) read" +
            (facts.Extended ? "; outcomes extend the earlier data's." : "; no earlier data, outcomes start here.") + "</p>", addEol: true);
        var flaky = data.Tests.Where(t => t.Outcomes.EndsWith('k')).ToList();
        var failed = data.Tests.Where(t => t.Outcomes.EndsWith('f')).ToList();
        summary.AddRaw($"<p><b>This run:</b> {failed.Count} test file(s) failed, {flaky.Count} flaked (failed, then passed on retry).</p>", addEol: true);
        if (failed.Count + flaky.Count > 0)
        {
            summary.AddDetails("Failed or flaky", "<ul>" + string.Concat(failed.Concat(flaky).Take(MaxRows).Select(t => $"<li>{InertText.HtmlCode(t.Path)} — {Escape(t.Outcomes)}</li>")) +
                (failed.Count + flaky.Count > MaxRows ? $"<li>… and {failed.Count + flaky.Count - MaxRows} more</li>" : string.Empty) + "</ul>");
        }

        if (data.Notes.Count > 0)
        {
            summary.AddDetails($"Notes ({data.Notes.Count.ToString(CultureInfo.InvariantCulture)})", "<ul>" + string.Concat(data.Notes.Take(MaxRows).Select(n => $"<li>{Escape(n)}</li>")) + "</ul>");
        }

        await summary.WriteAsync(cancellationToken: cancellationToken);
    }
}
