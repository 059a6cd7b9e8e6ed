namespace Bookiji.Actions.SloExport.Slo;

/// <summary>
/// One tier of the multi-window, multi-burn-rate rule (SRE Workbook ch. 5), adapted to CI cadence: CI runs a few
/// times a day, so the Workbook's 1 h / 5 min and 6 h / 30 min windows hold no runs. The long windows are 1 and 3
/// days; the short window (that makes an alert stop soon after the burn stops) is the last runs or the last day.
/// </summary>
/// <param name="Name">page or ticket.</param>
/// <param name="LongWindow">The long window.</param>
/// <param name="ShortWindow">The short window in time, or null for the short window of runs.</param>
/// <param name="BudgetShare">Share of the period's budget the long window may spend before the tier fires.</param>
internal sealed record AlertTier(string Name, TimeSpan LongWindow, TimeSpan? ShortWindow, double BudgetShare)
{
    /// <summary>Page: 20 % of the period's budget in a day, still burning over the last runs (k = 6 for 30 days).</summary>
    public static readonly AlertTier Page = new("page", TimeSpan.FromDays(1), null, 0.20);

    /// <summary>Ticket: 10 % in 3 days, still burning over the last day (the Workbook's ticket tier, k = 1 for 30 days).</summary>
    public static readonly AlertTier Ticket = new("ticket", TimeSpan.FromDays(3), TimeSpan.FromDays(1), 0.10);

    /// <summary>Both tiers.</summary>
    public static readonly IReadOnlyList<AlertTier> All = [Page, Ticket];

    /// <summary>k = budgetShare × period / long window.</summary>
    public double Threshold(TimeSpan period) => BudgetShare * period.TotalSeconds / LongWindow.TotalSeconds;
}
