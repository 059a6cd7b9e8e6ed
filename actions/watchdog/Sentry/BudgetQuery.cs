using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.Watchdog.Sentry;

/// <summary>Asks Sentry for the error budget; any failure is a warning and the status is decided without it.</summary>
internal static class BudgetQuery
{
    public static async Task<SentryBudget> QueryAsync(RunContext run, SentrySettings settings, CancellationToken cancellationToken)
    {
        // Retry back-off waits in real time; the injected clock stamps results.
        using var http = ApiClient.Create(TimeProvider.System);
        var budget = await SentryClient.QueryAsync(http, settings, cancellationToken);
        if (budget.Problem is { } problem)
        {
            run.Warn($"Error budget not checked: {problem}. The status is decided without it.");
        }
        else
        {
            run.Runtime.Core.Info(FormattableString.Invariant($"Sentry: failure rate {budget.FailureRate:P2} over {budget.Period} ({budget.Count} transactions), budget {budget.Budget:P2}: {budget.State}"));
        }

        return budget;
    }
}
