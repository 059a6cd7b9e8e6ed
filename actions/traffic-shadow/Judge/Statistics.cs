namespace Bookiji.Actions.TrafficShadow.Judge;

/// <summary>The statistics the judge needs: the normal distribution, log-factorials, the Mann-Whitney U test with the
/// Hodges–Lehmann shift and its confidence interval, and Fisher's exact test.</summary>
public static class Statistics
{
    /// <summary>Result of a Mann-Whitney U test of canary against baseline.</summary>
    /// <param name="PValue">Two-sided p-value (normal approximation with tie and continuity corrections).</param>
    /// <param name="Shift">Hodges–Lehmann estimate of canary − baseline.</param>
    /// <param name="Lower">Lower bound of the shift's confidence interval.</param>
    /// <param name="Upper">Upper bound of the shift's confidence interval.</param>
    public sealed record MannWhitneyResult(double PValue, double Shift, double Lower, double Upper);

    /// <summary>Φ(x), the standard normal CDF (error below 1.5e-7).</summary>
    public static double NormalCdf(double x)
    {
        // Abramowitz & Stegun 7.1.26 on erf(|x|/√2).
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * z);
        var erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /// <summary>The z with Φ(z) = p (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    public static double NormalQuantile(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        if (p < 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - 0.02425)
        {
            return -NormalQuantile(1 - p);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }

    /// <summary>ln(n!).</summary>
    public static double LogFactorial(long n)
    {
        if (n < 2)
        {
            return 0;
        }

        if (n < 256)
        {
            double sum = 0;
            for (var i = 2; i <= n; i++)
            {
                sum += Math.Log(i);
            }

            return sum;
        }

        // Stirling's series: ample precision for n ≥ 256.
        var x = (double)n;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    /// <summary>One-sided Fisher exact p-value that the canary's failure rate exceeds the baseline's.</summary>
    public static double FisherGreater(long canaryFailed, long canaryTotal, long baselineFailed, long baselineTotal)
    {
        var n = canaryTotal + baselineTotal;
        var failed = canaryFailed + baselineFailed;
        if (n == 0 || failed == 0)
        {
            return 1;
        }

        var max = Math.Min(failed, canaryTotal);
        double p = 0;
        var denominator = LogChoose(n, canaryTotal);
        for (var k = canaryFailed; k <= max; k++)
        {
            p += Math.Exp(LogChoose(failed, k) + LogChoose(n - failed, canaryTotal - k) - denominator);
        }

        return Math.Min(1, p);
    }

    /// <summary>The Mann-Whitney U test and Hodges–Lehmann shift of <paramref name="canary"/> versus <paramref name="baseline"/>.</summary>
    public static MannWhitneyResult MannWhitney(IReadOnlyList<double> baseline, IReadOnlyList<double> canary, double confidence)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(canary);
        double nx = baseline.Count, ny = canary.Count, n = nx + ny;
        var all = baseline.Select(v => (Value: v, Canary: false)).Concat(canary.Select(v => (Value: v, Canary: true))).OrderBy(p => p.Value).ToArray();
        double rankSumCanary = 0, tieTerm = 0;
        for (var i = 0; i < all.Length;)
        {
            var j = i;
            while (j + 1 < all.Length && all[j + 1].Value == all[i].Value)
            {
                j++;
            }

            var rank = (i + j) / 2.0 + 1;
            var ties = j - i + 1.0;
            tieTerm += ties * ties * ties - ties;
            for (var r = i; r <= j; r++)
            {
                if (all[r].Canary)
                {
                    rankSumCanary += rank;
                }
            }

            i = j + 1;
        }

        var u = rankSumCanary - ny * (ny + 1) / 2;
        var mean = nx * ny / 2;
        var sigma = Math.Sqrt(nx * ny / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
        var z = sigma == 0 ? 0 : (Math.Abs(u - mean) - 0.5) / sigma;
        var pValue = Math.Min(1, 2 * (1 - NormalCdf(Math.Max(0, z))));

        // Hodges–Lehmann: the median of all pairwise differences, with the interval from their order statistics.
        var xs = Thin(baseline, 1500);
        var ys = Thin(canary, 1500);
        var differences = new double[xs.Count * ys.Count];
        var at = 0;
        foreach (var y in ys)
        {
            foreach (var x in xs)
            {
                differences[at++] = y - x;
            }
        }

        Array.Sort(differences);
        var m = differences.Length;
        var shift = m % 2 == 1 ? differences[m / 2] : (differences[(m / 2) - 1] + differences[m / 2]) / 2;
        var sigmaThin = Math.Sqrt(xs.Count * ys.Count * (xs.Count + ys.Count + 1) / 12.0);
        var k = (int)Math.Floor(xs.Count * ys.Count / 2.0 - NormalQuantile((1 + confidence) / 2) * sigmaThin);
        k = Math.Clamp(k, 0, m - 1);
        return new MannWhitneyResult(pValue, shift, differences[k], differences[m - 1 - k]);
    }

    private static double LogChoose(long n, long k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    /// <summary>An evenly spaced subsample of at most <paramref name="max"/> values (deterministic).</summary>
    private static List<double> Thin(IReadOnlyList<double> values, int max)
    {
        if (values.Count <= max)
        {
            return [.. values];
        }

        var step = (double)values.Count / max;
        return [.. Enumerable.Range(0, max).Select(i => values[(int)(i * step)])];
    }
}
