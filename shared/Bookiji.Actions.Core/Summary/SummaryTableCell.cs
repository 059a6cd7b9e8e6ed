namespace Bookiji.Actions.Core.Summary;

/// <summary>A table cell for <see cref="StepSummary.AddTable"/>, as the toolkit's <c>SummaryTableCell</c>.</summary>
/// <param name="Data">The cell's HTML content (escape user text with <see cref="StepSummary.Escape"/>).</param>
/// <param name="Header">Render as <c>th</c> instead of <c>td</c>.</param>
/// <param name="Colspan">The <c>colspan</c> attribute, when set.</param>
/// <param name="Rowspan">The <c>rowspan</c> attribute, when set.</param>
public sealed record SummaryTableCell(string Data, bool Header = false, string? Colspan = null, string? Rowspan = null)
{
    /// <summary>A plain data cell.</summary>
    public static implicit operator SummaryTableCell(string data) => new(data);

    /// <summary>A header cell.</summary>
    public static SummaryTableCell Head(string data) => new(data, Header: true);
}
