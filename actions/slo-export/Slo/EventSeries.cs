using Bookiji.Actions.SloExport.Metrics;

namespace Bookiji.Actions.SloExport.Slo;

/// <summary>
/// Prefix sums of one objective's events over runs sorted by time, so any window of runs or of time is summed
/// in O(log n): 10,000 runs × 6 windows × every row's rolling budget stays linear.
/// </summary>
internal sealed class EventSeries
{
    private readonly long[] _bad;
    private readonly long[] _total;
    private readonly long[] _ticks;

    public EventSeries(IReadOnlyList<CiRun> runs, ObjectiveSpec spec)
    {
        _bad = new long[runs.Count + 1];
        _total = new long[runs.Count + 1];
        _ticks = new long[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var (bad, total) = spec.Events(runs[i]);
            _bad[i + 1] = _bad[i] + bad;
            _total[i + 1] = _total[i] + total;
            _ticks[i] = runs[i].Timestamp.UtcTicks;
        }
    }

    /// <summary>Events of runs [from, to).</summary>
    public (long Bad, long Total) Range(int from, int to) => (_bad[to] - _bad[from], _total[to] - _total[from]);

    /// <summary>Events of the runs after <paramref name="since"/> (exclusive) up to run index <paramref name="to"/> (exclusive).</summary>
    public (long Bad, long Total) Since(DateTimeOffset since, int to) => Range(FirstAfter(since, to), to);

    /// <summary>The index of the first run strictly after <paramref name="time"/> among the first <paramref name="count"/>.</summary>
    public int FirstAfter(DateTimeOffset time, int count)
    {
        var ticks = time.UtcTicks;
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_ticks[mid] <= ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
