using System.Text.Json.Nodes;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;
using Bookiji.Actions.EphemeralEnv.Sweep;
using static Bookiji.Actions.Core.Summary.StepSummary;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>The one place this action writes outputs, log lines and the step summary.</summary>
internal static class EphemeralEnvReport
{
    public static async Task CreatedAsync(
        ActionRuntime runtime, EphemeralEnvInputs inputs, EnvironmentDescriptor descriptor, CreateOutcome outcome,
        (string Archive, string App) paths, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        core.SetOutput("mode", "create");
        core.SetOutput("app-env", descriptor.AppEnv);
        core.SetOutput("schema-name", descriptor.SchemaName);
        core.SetOutput("base-url", descriptor.BaseUrl);
        core.SetOutput("redis-namespace", descriptor.RedisNamespace ?? string.Empty);
        core.SetOutput("descriptor-path", Path.GetRelativePath(runtime.Workspace, paths.Archive));
        core.SetOutput("schema-created", descriptor.SchemaCreated);
        if (descriptor.SchemaCreated && inputs.Database is { } database)
        {
            var user = outcome.RolePassword is null ? database.Builder.Username! : inputs.Names!.RoleName;
            var url = database.UrlFor(descriptor.SchemaName, user, outcome.RolePassword ?? database.Builder.Password);
            core.SetSecret(url);
            core.SetOutput("database-url", url);
        }

        if (outcome.RolePassword is not null)
        {
            core.SetOutput("role-name", inputs.Names!.RoleName);
            core.SetOutput("role-password", outcome.RolePassword);
        }

        var state = descriptor.SchemaCreated ? (outcome.Schema!.SchemaCreated ? "created" : "exists (reused)") : "not created";
        core.Info($"{descriptor.AppEnv}: schema {descriptor.SchemaName} {state}; {descriptor.BaseUrl}");
        if (!runtime.Summary.IsAvailable)
        {
            return;
        }

        var rows = new List<IEnumerable<SummaryTableCell>>
        {
            new[] { SummaryTableCell.Head("Fact"), SummaryTableCell.Head("Value") },
            new SummaryTableCell[] { "App env", $"<code>{Escape(descriptor.AppEnv)}</code>" },
            new SummaryTableCell[] { "Base URL", $"<a href=\"{Escape(descriptor.BaseUrl)}\">{Escape(descriptor.BaseUrl)}</a>" },
            new SummaryTableCell[] { "Schema", $"<code>{Escape(descriptor.SchemaName)}</code> — {Escape(state)}" + (inputs.Database is { } db ? $" on <code>{Escape(db.Display)}</code>" : string.Empty) },
            new SummaryTableCell[] { "Role", outcome.RolePassword is null ? "<em>none</em> (create-role: false)" : $"<code>{Escape(inputs.Names!.RoleName)}</code> (password in the masked output role-password)" },
            new SummaryTableCell[] { "Redis namespace", descriptor.RedisNamespace is null ? "<em>Redis not configured</em>" : $"<code>{Escape(descriptor.RedisNamespace)}:*</code>" },
            new SummaryTableCell[] { "Commit", Escape(descriptor.CommitSha ?? "unknown") + " on " + Escape(descriptor.Branch ?? "unknown") },
            new SummaryTableCell[] { "Expires", Escape(descriptor.ExpiresAt ?? string.Empty) + " (removed by the nightly sweep, or when the PR closes)" },
        };
        if (outcome.Migrations is { } migrations)
        {
            rows.Add(["Migrations", Escape($"{migrations.Applied.Count} applied, {migrations.AlreadyApplied.Count} already applied" +
                (migrations.ChangedSinceApplied.Count > 0 ? $", {migrations.ChangedSinceApplied.Count} changed since applied (not re-run)" : string.Empty) +
                (migrations.Failure is { } f ? $"; FAILED: {f.File} line {f.Line}" : string.Empty))]);
        }

        runtime.Summary.AddHeading($"Ephemeral environment {Escape(descriptor.AppEnv)}", 2).AddTable(rows);
        if (descriptor.SchemaError is { } error)
        {
            runtime.Summary.AddQuote(Escape(error));
        }

        runtime.Summary.AddDetails("Descriptor (.ephemeral-env.json)", $"<pre><code>{Escape(File.ReadAllText(paths.App))}</code></pre>");
        await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
    }

    public static async Task DestroyedAsync(ActionRuntime runtime, EnvironmentNames names, DestroyResult result, long redisKeys, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        core.SetOutput("mode", "destroy");
        core.SetOutput("app-env", names.AppEnv);
        core.SetOutput("schema-name", names.SchemaName);
        core.SetOutput("destroyed", result.SchemaDropped);
        core.SetOutput("redis-keys-removed", redisKeys);
        var text = result.SchemaDropped
            ? $"Dropped schema {names.SchemaName}" + (result.RoleDropped ? $" and role {names.RoleName}" : string.Empty) + $"; removed {redisKeys} Redis keys."
            : $"Schema {names.SchemaName} did not exist: nothing to drop; removed {redisKeys} Redis keys.";
        core.Info(text);
        if (runtime.Summary.IsAvailable)
        {
            await runtime.Summary.AddHeading($"Ephemeral environment {Escape(names.AppEnv)} destroyed", 2).AddRaw($"<p>{Escape(text)}</p>", addEol: true).WriteAsync(cancellationToken: cancellationToken);
        }
    }

    public static async Task SweptAsync(ActionRuntime runtime, IReadOnlyList<SweepDecision> decisions, long redisKeys, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var removed = decisions.Where(d => d.Remove).ToList();
        core.SetOutput("mode", "sweep");
        core.SetOutput("removed", new JsonArray([.. removed.Select(d => (JsonNode)d.AppEnv)]));
        core.SetOutput("kept", decisions.Count - removed.Count);
        core.SetOutput("redis-keys-removed", redisKeys);
        core.Info($"Sweep: removed {removed.Count} of {decisions.Count} environments; {redisKeys} Redis keys.");
        if (!runtime.Summary.IsAvailable)
        {
            return;
        }

        var rows = new List<IEnumerable<SummaryTableCell>> { new[] { SummaryTableCell.Head("Environment"), SummaryTableCell.Head("Schema"), SummaryTableCell.Head("Action"), SummaryTableCell.Head("Why") } };
        rows.AddRange(decisions.Take(200).Select(d => (IEnumerable<SummaryTableCell>)new SummaryTableCell[]
        {
            Escape(d.AppEnv), $"<code>{Escape(d.SchemaName)}</code>", d.Remove ? "removed" : "kept", Escape(d.Reason),
        }));
        runtime.Summary.AddHeading("Ephemeral environment sweep", 2)
            .AddRaw($"<p>Removed {removed.Count} of {decisions.Count} environments created by ephemeral-env; {redisKeys} Redis keys removed.</p>", addEol: true)
            .AddTable(rows);
        if (decisions.Count > 200)
        {
            runtime.Summary.AddRaw($"<p>… and {decisions.Count - 200} more (see the removed output).</p>", addEol: true);
        }

        await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
    }
}
