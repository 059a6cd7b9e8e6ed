using System.Text.Json;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;
using Bookiji.Actions.EphemeralEnv.Sweep;
using static Bookiji.Actions.Core.Summary.StepSummary;
using D = Bookiji.Actions.EphemeralEnv.EphemeralEnvDefinition;

namespace Bookiji.Actions.EphemeralEnv;

internal static partial class EphemeralEnvReport
{
    /// <summary>How many sweep rows the summary lists; the rest are counted.</summary>
    private const int MaxSweepRows = 200;

    public static async Task DestroyedAsync(ActionRuntime runtime, EnvironmentNames names, DestroyResult result, long redisKeys, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        core.SetOutput(D.ModeOutput, "destroy");
        core.SetOutput(D.AppEnvOutput, names.AppEnv);
        core.SetOutput(D.SchemaNameOutput, names.SchemaName);
        core.SetOutput(D.DestroyedOutput, result.SchemaDropped);
        core.SetOutput(D.RedisKeysRemovedOutput, redisKeys);
        var text = result.SchemaDropped
            ? $"Dropped schema {names.SchemaName}" + (result.RoleDropped ? $" and role {names.RoleName}" : string.Empty) + $"; removed {redisKeys} Redis keys."
            : $"Schema {names.SchemaName} did not exist: nothing to drop; removed {redisKeys} Redis keys.";
        core.Info(text);
        if (runtime.Summary.IsAvailable)
        {
            await runtime.Summary.AddHeading($"Ephemeral environment {Escape(names.AppEnv)} destroyed", 2).AddRaw($"<p>{Escape(text)}</p>", addEol: true).WriteAsync(cancellationToken: cancellationToken);
        }
    }

    public static async Task SweptAsync(
        ActionRuntime runtime, IReadOnlyList<SweepDecision> decisions, IReadOnlySet<string> removed, long redisKeys, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var removedList = decisions.Where(d => removed.Contains(d.AppEnv)).Select(d => d.AppEnv).ToList();
        var failed = decisions.Count(d => d.Remove && !removed.Contains(d.AppEnv));
        core.SetOutput(D.ModeOutput, "sweep");
        core.SetOutput(D.RemovedOutput, JsonSerializer.Serialize<IReadOnlyList<string>>(removedList, SweepJsonContext.Default.IReadOnlyListString));
        core.SetOutput(D.KeptOutput, decisions.Count - removedList.Count);
        core.SetOutput(D.RedisKeysRemovedOutput, redisKeys);
        var line = $"Removed {removedList.Count} of {decisions.Count} environments created by ephemeral-env" +
            (failed > 0 ? $" ({failed} could not be removed)" : string.Empty) + $"; {redisKeys} Redis keys removed.";
        core.Info(line);
        if (!runtime.Summary.IsAvailable)
        {
            return;
        }

        var heading = failed > 0 ? "Ephemeral environment sweep — some environments not removed" : "Ephemeral environment sweep";
        runtime.Summary.AddHeading(heading, 2).AddRaw($"<p>{Escape(line)}</p>", addEol: true);
        if (decisions.Count > 0)
        {
            var rows = new List<IEnumerable<SummaryTableCell>> { new[] { SummaryTableCell.Head("Environment"), SummaryTableCell.Head("Schema"), SummaryTableCell.Head("Action"), SummaryTableCell.Head("Why") } };
            rows.AddRange(decisions.Take(MaxSweepRows).Select(d => (IEnumerable<SummaryTableCell>)new SummaryTableCell[]
            {
                Escape(d.AppEnv), $"<code>{Escape(d.SchemaName)}</code>", removed.Contains(d.AppEnv) ? "removed" : d.Remove ? "<strong>removal failed</strong>" : "kept", Escape(d.Reason),
            }));
            runtime.Summary.AddTable(rows);
        }

        if (decisions.Count > MaxSweepRows)
        {
            runtime.Summary.AddRaw($"<p>… and {decisions.Count - MaxSweepRows} more (see the removed output).</p>", addEol: true);
        }

        await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
    }
}
