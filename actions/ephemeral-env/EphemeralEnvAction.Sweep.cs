using System.Collections.Concurrent;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;
using Bookiji.Actions.EphemeralEnv.Sweep;
using Npgsql;

namespace Bookiji.Actions.EphemeralEnv;

public sealed partial class EphemeralEnvAction
{
    private static async Task SweepAsync(ActionRuntime runtime, SweepInputs inputs, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var repository = runtime.GitHub.Repository?.ToString();
        try
        {
            await using var dataSource = PostgresDataSource.Create(inputs.Database.Builder.ConnectionString);
            var manager = new SchemaManager(dataSource);
            var owned = await manager.ListOwnedAsync(inputs.SchemaPrefix, cancellationToken);
            var states = await ReadPullRequestStatesAsync(runtime, inputs, owned, cancellationToken);
            var decisions = SweepPlanner.Plan(owned, repository, runtime.Time.GetUtcNow(), inputs.Ttl, states);
            var removed = new ConcurrentBag<EnvironmentNames>();
            var failures = new ConcurrentBag<string>();
            var toRemove = decisions.Where(d => d.Remove).ToList();
            core.StartGroup($"Removing {toRemove.Count} of {decisions.Count} environments");
            try
            {
                await Parallel.ForEachAsync(toRemove, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (decision, ct) =>
                {
                    var names = EnvironmentNames.ForExisting(decision.SchemaName, decision.AppEnv, inputs.SchemaPrefix, inputs.RedisPrefixInUse);
                    try
                    {
                        await manager.DestroyAsync(names, repository, ct);
                        removed.Add(names);
                        core.Info($"removed {names.SchemaName}: {decision.Reason}");
                    }
                    catch (ActionException ex)
                    {
                        // One environment that cannot be removed (e.g. its role is now foreign) must not keep the others.
                        failures.Add($"{names.SchemaName}: {ex.Message}");
                    }
                    catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex) && !ct.IsCancellationRequested)
                    {
                        failures.Add($"{names.SchemaName}: {DatabaseErrors.Describe(ex, inputs.Database)}");
                    }
                });
            }
            finally
            {
                core.EndGroup();
            }

            foreach (var failure in failures.Order(StringComparer.Ordinal))
            {
                core.Warning($"Not removed: {failure}");
            }

            var removedEnvs = removed.Select(n => n.AppEnv).ToHashSet(StringComparer.Ordinal);
            var redisRemoved = await DeleteRedisAsync(runtime, inputs, [.. removed], cancellationToken);
            await EphemeralEnvReport.SweptAsync(runtime, decisions, removedEnvs, redisRemoved, cancellationToken);
            if (!failures.IsEmpty)
            {
                throw new ActionException($"{failures.Count} of {toRemove.Count} environments due for removal could not be removed; the others were (see the warnings and the summary).")
                { Title = "sweep incomplete" };
            }
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
        {
            throw new ActionException(DatabaseErrors.Describe(ex, inputs.Database)) { Title = "sweep failed" };
        }
    }

    /// <summary>The states of the owned environments' PRs that GitHub gave in time; any other is unknown (the TTL rule decides).</summary>
    private static async Task<IReadOnlyDictionary<int, bool>> ReadPullRequestStatesAsync(
        ActionRuntime runtime, SweepInputs inputs, IReadOnlyList<OwnedSchema> owned, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var numbers = owned.Select(o => o.Marker.PullRequest).OfType<int>().Distinct().ToList();
        if (numbers.Count == 0)
        {
            return new Dictionary<int, bool>();
        }

        if (inputs.GitHubToken is not { } token || runtime.GitHub.Repository is not { } repository)
        {
            core.Warning("No github-token (or no GITHUB_REPOSITORY): PR states are unknown, so only environments past their TTL are removed.");
            return new Dictionary<int, bool>();
        }

        return await core.Group($"Reading the state of {numbers.Count} pull request(s)", async () =>
        {
            var lookup = await PullRequestStates.LookupAsync(runtime.GitHub, repository, token, numbers, inputs.GitHubTimeout, cancellationToken);
            core.Info($"{lookup.States.Count} read ({lookup.States.Count(s => !s.Value)} closed), {lookup.Problems.Count} unknown.");
            foreach (var problem in lookup.Problems.Take(5))
            {
                core.Warning($"Could not read {problem}; that environment is kept unless its TTL passed.");
            }

            if (lookup.Problems.Count > 5)
            {
                core.Warning($"… and {lookup.Problems.Count - 5} more pull request states could not be read; those environments are kept unless their TTL passed.");
            }

            return lookup.States;
        });
    }
}
