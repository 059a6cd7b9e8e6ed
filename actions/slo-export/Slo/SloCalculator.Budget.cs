using System.Globalization;
using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.SloExport.Metrics;
using Bookiji.Actions.SloExport.Output;

namespace Bookiji.Actions.SloExport.Slo;

public static partial class SloCalculator
{
    /// <summary>The burn-rate windows of time, besides the short and long windows of runs.</summary>
    public static readonly IReadOnlyList<TimeSpan> TimeWindows = [TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>The window whose burn rate projects the time to exhaustion.</summary>
    public static readonly TimeSpan ExhaustionBasis = TimeSpan.FromDays(3);

    private static ObjectiveSpec LatencySpec(SloSettings settings) => new(
        "booking-latency",
        string.Create(CultureInfo.InvariantCulture, $"booking latency sample ≤ {settings.TargetLatencyMs} ms"),
        SloSettings.LatencyPercentile / 100.0,
        run => (run.LatenciesOver(settings.TargetLatencyMs), run.BookingLatenciesMs.Length));

    private static ObjectiveSpec UptimeSpec(SloSettings settings, bool useHealth) => useHealth
        ? new("uptime", "synthetic health check succeeded", settings.TargetUptime / 100, run => (run.HealthFailures ?? 0, run.HealthChecks ?? 0))
        : new("uptime", "CI run passed (no run carried health checks)", settings.TargetUptime / 100, run => (run.Passed ? 0 : 1, 1));

    private static SloObjective ComputeObjective(ObjectiveSpec spec, EventSeries series, IReadOnlyList<CiRun> runs, int windowStart, SloSettings settings, DateTimeOffset now, string status)
    {
        var n = runs.Count;
        var period = settings.BudgetPeriod;
        var (bad, total) = series.Since(now - period, n);
        var ratio = Numbers.Ratio(bad, total);
        var consumed = ratio / spec.Budget;
        var budget = new SloErrorBudget
        {
            Period = Label(period),
            Budget = Numbers.Round4(spec.Budget) ?? 0,
            Events = total,
            BadEvents = bad,
            ErrorRatio = Numbers.Round4(ratio),
            Consumed = Numbers.Round4(consumed),
            Remaining = Numbers.Round4(1 - consumed),
            Status = consumed is null ? InsufficientData : consumed >= 1 ? "exhausted" : Ok,
        };
        var shortRuns = Burn(spec, $"last {Plural(settings.ShortWindowRuns, "run")}", "runs", series.Range(Math.Max(0, n - settings.ShortWindowRuns), n));
        var burns = new List<SloBurnRate>
        {
            shortRuns,
            Burn(spec, $"last {Plural(settings.Window, "run")}", "runs", series.Range(windowStart, n)),
        };
        var byTime = TimeWindows.ToDictionary(w => w, w => Burn(spec, Label(w), "time", series.Since(now - w, n)));
        burns.AddRange(byTime.Values);
        return new SloObjective
        {
            Name = spec.Name,
            Sli = spec.Sli,
            Objective = Numbers.Round4(spec.Objective * 100) ?? 0,
            Status = status,
            ErrorBudget = budget,
            BurnRates = burns,
            Alerts = [.. AlertTier.All.Select(tier => Alert(tier, spec, period, byTime[tier.LongWindow], tier.ShortWindow is { } s ? byTime[s] : shortRuns))],
            TimeToExhaustion = Exhaustion(budget, byTime[ExhaustionBasis], period, now),
            WorstCommit = WorstCommit(spec, runs, series.FirstAfter(now - period, n), total),
        };
    }

    /// <summary>Whole days as <c>7d</c> (SRE texts say 7d and 30d, not 1w), anything else in its shortest unit.</summary>
    public static string Label(TimeSpan window) =>
        window.Ticks % TimeSpan.TicksPerDay == 0 ? string.Create(CultureInfo.InvariantCulture, $"{window.Ticks / TimeSpan.TicksPerDay}d") : DurationText.Format(window);

    private static SloBurnRate Burn(ObjectiveSpec spec, string window, string kind, (long Bad, long Total) events)
    {
        var ratio = Numbers.Ratio(events.Bad, events.Total);
        return new SloBurnRate
        {
            Window = window,
            Kind = kind,
            Events = events.Total,
            BadEvents = events.Bad,
            ErrorRatio = Numbers.Round4(ratio),
            BurnRate = Numbers.Round4(ratio / spec.Budget),
            Status = ratio is null ? InsufficientData : Ok,
        };
    }

    /// <summary>Fires when both windows' error ratios exceed k·B; a tier with k·B ≥ 1 could never fire and says so.</summary>
    private static SloAlert Alert(AlertTier tier, ObjectiveSpec spec, TimeSpan period, SloBurnRate longWindow, SloBurnRate shortWindow)
    {
        var k = tier.Threshold(period);
        var bar = k * spec.Budget;
        var (status, note) = bar >= 1
            ? ("cannot_fire", string.Create(CultureInfo.InvariantCulture, $"k·B = {k:0.####} × {spec.Budget:0.####} = {bar:0.####} ≥ 1: no error ratio can exceed it; tighten the objective or shorten the period"))
            : longWindow.ErrorRatio is null || shortWindow.ErrorRatio is null
                ? (InsufficientData, $"no events in the {(longWindow.ErrorRatio is null ? longWindow.Window : shortWindow.Window)} window")
                : Exceeds(longWindow, bar) && Exceeds(shortWindow, bar)
                    ? ("firing", string.Create(CultureInfo.InvariantCulture, $"both windows burn faster than {k:0.####}× the sustainable rate"))
                    : (Ok, null);
        return new SloAlert
        {
            Tier = tier.Name,
            LongWindow = longWindow.Window,
            ShortWindow = shortWindow.Window,
            BudgetShare = tier.BudgetShare,
            Threshold = Numbers.Round4(k) ?? 0,
            LongBurnRate = longWindow.BurnRate,
            ShortBurnRate = shortWindow.BurnRate,
            Status = status,
            Note = note,
        };
    }

    /// <summary>Compared on the counts, so rounding never decides an alert.</summary>
    private static bool Exceeds(SloBurnRate window, double bar) => window.BadEvents > bar * window.Events;

    private static SloExhaustion Exhaustion(SloErrorBudget budget, SloBurnRate basis, TimeSpan period, DateTimeOffset now)
    {
        var label = $"{basis.Window} burn rate";
        if (budget.Remaining is not { } remaining)
        {
            return new SloExhaustion { Status = InsufficientData, Basis = label };
        }

        if (remaining <= 0)
        {
            return new SloExhaustion { Status = "exhausted", Basis = label, Hours = 0, ExhaustsAt = IsoTimestamp.Format(now) };
        }

        if (basis.BurnRate is not { } rate)
        {
            return new SloExhaustion { Status = InsufficientData, Basis = label };
        }

        if (rate <= 0)
        {
            return new SloExhaustion { Status = "not_burning", Basis = label };
        }

        // Burning at rate BR spends the whole budget in period / BR; what remains lasts remaining × period / BR.
        var hours = remaining * period.TotalHours / rate;
        return new SloExhaustion
        {
            Status = "projected",
            Basis = label,
            Hours = Numbers.Round3(hours),
            ExhaustsAt = hours < TimeSpan.MaxValue.TotalHours / 2 ? IsoTimestamp.Format(now + TimeSpan.FromHours(hours)) : null,
        };
    }

    private static SloWorstCommit? WorstCommit(ObjectiveSpec spec, IReadOnlyList<CiRun> runs, int periodStart, long periodEvents)
    {
        var worst = runs.Skip(periodStart)
            .Select((run, index) => (run, index, events: spec.Events(run)))
            .GroupBy(x => x.run.CommitSha, StringComparer.Ordinal)
            .Select(g => (sha: g.Key, runs: g.Count(), bad: g.Sum(x => x.events.Bad), last: g.Max(x => x.index)))
            .Where(c => c.bad > 0)
            .OrderByDescending(c => c.bad).ThenByDescending(c => c.last)
            .FirstOrDefault();
        return worst.sha is null || periodEvents == 0
            ? null
            : new SloWorstCommit
            {
                CommitSha = worst.sha,
                Runs = worst.runs,
                BadEvents = worst.bad,
                BudgetConsumed = Numbers.Round4(worst.bad / (spec.Budget * periodEvents)) ?? 0,
            };
    }

    private static List<SloRow> Rows(IReadOnlyList<CiRun> runs, int start, SloSettings settings, ObjectiveSpec[] specs, EventSeries[] series, IReadOnlyList<SloRunPoint> points)
    {
        var rows = new List<SloRow>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var index = start + i;
            var run = runs[index];
            double? Remaining(int o)
            {
                // The budget as it stood when this run finished: the period ending at its timestamp.
                var (bad, total) = series[o].Since(run.Timestamp - settings.BudgetPeriod, index + 1);
                return Numbers.Round3((1 - (Numbers.Ratio(bad, total) / specs[o].Budget)) * 100);
            }

            var point = points[i];
            rows.Add(new SloRow
            {
                Time = point.Timestamp,
                RunId = run.RunId,
                CommitSha = run.CommitSha,
                Workflow = run.Workflow,
                Passed = run.Passed,
                PassRate = point.PassRate,
                BookingP95Ms = point.BookingP95Latency,
                BookingP50Ms = point.BookingP50Latency,
                BookingTargetMs = settings.TargetLatencyMs,
                Uptime = point.Uptime,
                UptimeTarget = settings.TargetUptime,
                LatencyBudgetRemaining = Remaining(0),
                UptimeBudgetRemaining = Remaining(1),
            });
        }

        return rows;
    }
}
