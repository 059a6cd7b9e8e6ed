using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.PredictTests.Impact;
using static Bookiji.Actions.Core.Summary.StepSummary;

namespace Bookiji.Actions.PredictTests.Report;

/// <summary>The impact data's part of the plan summary: its commit and age, how much of the change it decided, flaky tests.</summary>
internal static class ImpactSummary
{
    /// <summary>Files and tests listed before the rest is counted.</summary>
    public const int MaxRows = 50;

    public static void Write(StepSummary summary, ImpactReport impact, IReadOnlyList<string> quarantined)
    {
        var age = impact.AgeCommits is { } n ? $"{n} commit(s) before the base" : "age in commits unknown (the analysed commit is not in this clone)";
        var decided = impact.Files.Count(f => f.Evidence is ImpactEvidence.Lines or ImpactEvidence.File);
        summary.AddRaw($"<p><b>Impact data:</b> commit <code>{Escape(impact.Commit[..Math.Min(12, impact.Commit.Length)])}</code>, learnt {Escape(impact.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture))}, {Escape(age)}; " +
            $"it decided {decided} of {impact.Files.Count} modified source file(s) ({impact.DecidedShare:P0}).</p>", addEol: true);
        if (impact.Files.Count > 0)
        {
            summary.AddTable(new[] { new[] { SummaryTableCell.Head("Changed file"), SummaryTableCell.Head("Evidence"), SummaryTableCell.Head("How") } }
                .Concat(impact.Files.Take(MaxRows).Select(f => new SummaryTableCell[] { InertText.HtmlCode(f.Path), PredictTestsReport.EvidenceName(f.Evidence), InertText.HtmlCode(f.Note) })));
            if (impact.Files.Count > MaxRows)
            {
                summary.AddRaw($"<p>… and {impact.Files.Count - MaxRows} more file(s): see ci-plan.json.</p>", addEol: true);
            }
        }

        if (impact.Flaky.Count > 0)
        {
            summary.AddDetails($"Flaky lately: {impact.Flaky.Count} test(s)" + (quarantined.Count > 0 ? $", {quarantined.Count} quarantined (run without blocking)" : string.Empty),
                "<ul>" + string.Concat(impact.Flaky.Take(MaxRows).Select(f => $"<li>{InertText.HtmlCode(f.Test)} — outcomes {Escape(f.Outcomes)}{(quarantined.Contains(f.Test) ? " (quarantined)" : string.Empty)}</li>")) +
                (impact.Flaky.Count > MaxRows ? $"<li>… and {impact.Flaky.Count - MaxRows} more in ci-plan.json</li>" : string.Empty) + "</ul>");
        }
    }
}
