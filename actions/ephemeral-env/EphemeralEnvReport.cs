using System.Text.Json;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Core.PullRequests;
using Bookiji.Actions.Core.Summary;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;
using static Bookiji.Actions.Core.Summary.StepSummary;
using D = Bookiji.Actions.EphemeralEnv.EphemeralEnvDefinition;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>The one place this action writes outputs, log lines and the step summary.</summary>
internal static partial class EphemeralEnvReport
{
    public static async Task CreatedAsync(
        ActionRuntime runtime, CreateInputs inputs, EnvironmentDescriptor descriptor, CreateOutcome outcome, DescriptorPaths paths, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var names = inputs.Names;
        core.SetOutput(D.ModeOutput, "create");
        core.SetOutput(D.AppEnvOutput, descriptor.AppEnv);
        core.SetOutput(D.SchemaNameOutput, descriptor.SchemaName);
        core.SetOutput(D.BaseUrlOutput, descriptor.BaseUrl ?? string.Empty);
        core.SetOutput(D.RedisNamespaceOutput, descriptor.RedisNamespace ?? string.Empty);
        core.SetOutput(D.DescriptorPathOutput, paths.Archive is { } archive ? runtime.RelativeToWorkspace(archive) : string.Empty);
        core.SetOutput(D.SchemaCreatedOutput, descriptor.SchemaCreated);
        if (descriptor.SchemaCreated && inputs.Database is { } database)
        {
            var user = outcome.RolePassword is null ? database.Builder.Username ?? string.Empty : names.RoleName;
            core.SetOutput(D.DatabaseUrlOutput, database.UrlFor(descriptor.SchemaName, user, outcome.RolePassword ?? database.Builder.Password));
        }

        if (outcome.RolePassword is not null)
        {
            core.SetOutput(D.RoleNameOutput, names.RoleName);
            core.SetOutput(D.RolePasswordOutput, outcome.RolePassword);
        }

        var ranAsAdmin = outcome.Migrations is not null && outcome.RolePassword is null;
        if (ranAsAdmin)
        {
            core.Warning("Migrations ran with the admin's rights of database-url (create-role: false): a pull request's SQL could reach beyond its schema. Set create-role: true to run them as the environment's own role.");
        }

        var state = descriptor.SchemaCreated ? (outcome.Schema is { SchemaCreated: true } ? "created" : "exists (reused)") : "not created";
        core.Info($"{descriptor.AppEnv}: schema {descriptor.SchemaName} {state}; {descriptor.BaseUrl ?? "no base URL (base-url-template not set)"}");
        await PrCommentPublisher.PublishAsync(runtime, inputs.PrComment, inputs.GitHubToken, D.Definition.Name,
            $"**Preview environment** `{descriptor.AppEnv}`" + (descriptor.BaseUrl is { } url ? $" → {url}" : string.Empty) + $"  \nSchema `{descriptor.SchemaName}` ({state})" +
            (descriptor.RedisNamespace is null ? string.Empty : $", Redis namespace `{descriptor.RedisNamespace}:*`") +
            (descriptor.ExpiresAt is { } expiresAt ? $", expires {expiresAt}" : string.Empty) + ".",
            cancellationToken);
        if (!runtime.Summary.IsAvailable)
        {
            return;
        }

        var rows = new List<IEnumerable<SummaryTableCell>>
        {
            new[] { SummaryTableCell.Head("Fact"), SummaryTableCell.Head("Value") },
            new SummaryTableCell[] { "App env", $"<code>{Escape(descriptor.AppEnv)}</code>" },
            new SummaryTableCell[] { "Base URL", descriptor.BaseUrl is { } baseUrl ? $"<a href=\"{Escape(baseUrl)}\">{Escape(baseUrl)}</a>" : "<em>none (base-url-template not set)</em>" },
            new SummaryTableCell[] { "Schema", $"<code>{Escape(descriptor.SchemaName)}</code> — {Escape(state)}" + (inputs.Database is { } db ? $" on <code>{Escape(db.Display)}</code>" : string.Empty) },
            new SummaryTableCell[] { "Role", RoleCell(inputs, outcome) },
            new SummaryTableCell[] { "Redis namespace", descriptor.RedisNamespace is null ? "<em>Redis not configured</em>" : $"<code>{Escape(descriptor.RedisNamespace)}:*</code>" },
            new SummaryTableCell[] { "Commit", Escape(descriptor.CommitSha ?? "unknown") + " on " + Escape(descriptor.Branch ?? "unknown") },
        };
        if (descriptor.ExpiresAt is { } expires)
        {
            rows.Add(["Expires", Escape(expires) + " (removed by the nightly sweep, or when the PR closes)"]);
        }

        if (outcome.Migrations is { } migrations)
        {
            // PostgreSQL's message quotes the pull request's SQL: it is upstream text, quoted inertly.
            rows.Add(["Migrations", Escape($"{migrations.Applied.Count} applied, {migrations.AlreadyApplied.Count} already applied" +
                (migrations.ChangedSinceApplied.Count > 0 ? $", {migrations.ChangedSinceApplied.Count} changed since applied (not re-run)" : string.Empty) +
                (migrations.Failure is { } f ? $"; FAILED: {f.File} line {f.Line}: " : string.Empty)) +
                (migrations.Failure is { } failure ? InertText.HtmlCode($"{failure.SqlState} {failure.Message}") : string.Empty)]);
        }

        runtime.Summary.AddHeading(Escape(CreateHeading(descriptor.AppEnv, inputs, outcome, paths)), 2).AddTable(rows);
        foreach (var problem in new[] { descriptor.SchemaError, outcome.MigrationError }.OfType<string>().Concat(paths.Problems))
        {
            // Problems quote PostgreSQL's and the file system's messages (upstream text): inert code.
            runtime.Summary.AddQuote(InertText.HtmlCode(problem, 1000));
        }

        var json = JsonSerializer.Serialize(descriptor, EphemeralEnvJsonContext.Default.EnvironmentDescriptor);
        var where = paths.App is { } app ? runtime.RelativeToWorkspace(app) : "not written";
        runtime.Summary.AddDetails($"Descriptor ({Escape(where)})", $"<pre><code>{Escape(json)}</code></pre>");
        await runtime.Summary.WriteAsync(cancellationToken: cancellationToken);
    }

    /// <summary>The heading says at a glance whether the environment is usable.</summary>
    private static string CreateHeading(string appEnv, CreateInputs inputs, CreateOutcome outcome, DescriptorPaths paths)
    {
        var failure = outcome switch
        {
            { Migrations.Failure: not null } => "migration failed",
            { MigrationError: not null } => "migrations not applied",
            { SchemaExists: false } when inputs.Database is not null => "schema not created",
            _ when paths.Problems.Count > 0 => "descriptor not written",
            { SchemaExists: false } => "descriptor only (no database configured)",
            _ => null,
        };
        return failure is null ? $"Ephemeral environment {appEnv}" : $"Ephemeral environment {appEnv} — {failure}";
    }

    private static string RoleCell(CreateInputs inputs, CreateOutcome outcome) =>
        outcome.RolePassword is not null
            ? $"<code>{Escape(inputs.Names.RoleName)}</code> (password in the masked output role-password); migrations log in as this role"
            : inputs.CreateRole
                ? "<em>not created</em>"
                : "<em>none</em> (create-role: false): migrations run with the admin's rights of database-url";
}
