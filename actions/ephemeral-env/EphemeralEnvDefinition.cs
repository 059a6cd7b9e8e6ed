using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>The one declaration of ephemeral-env's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class EphemeralEnvDefinition
{
    /// <summary>Input <c>mode</c>.</summary>
    public static readonly TextInput Mode = new("mode", "create | destroy | sweep | auto (closed PR -> destroy, schedule -> sweep, else create).") { Default = "auto" };

    /// <summary>Input <c>app-env</c>.</summary>
    public static readonly TextInput AppEnv = new("app-env", "Environment id ([a-z0-9_]). Falls back to APP_ENV, then pr_<number> from the pull_request event.");

    /// <summary>Input <c>database-url</c>.</summary>
    public static readonly TextInput DatabaseUrl = new("database-url", "postgres://user:password@host:5432/db (secret; masked). Falls back to DATABASE_URL.");

    /// <summary>Input <c>schema-prefix</c>.</summary>
    public static readonly TextInput SchemaPrefix = new("schema-prefix", "Schema name prefix; the schema is <prefix><app-env>, e.g. bookiji_pr_123.") { Default = "bookiji_" };

    /// <summary>Input <c>base-url-template</c>.</summary>
    public static readonly TextInput BaseUrlTemplate = new("base-url-template", "Base URL template with {number}, {app-env} (underscores as hyphens) or {branch}.") { Default = "https://pr-{number}.bookiji.com" };

    /// <summary>Input <c>redis-url</c>.</summary>
    public static readonly TextInput RedisUrl = new("redis-url", "redis://:password@host:6379/0 (secret; masked). Falls back to REDIS_URL. Without it there is no Redis namespace.");

    /// <summary>Input <c>redis-prefix</c>.</summary>
    public static readonly TextInput RedisPrefix = new("redis-prefix", "Redis namespace prefix; the namespace is <prefix><app-env>, e.g. bookiji:pr_123.") { Default = "bookiji:" };

    /// <summary>Input <c>create-role</c>.</summary>
    public static readonly TextInput CreateRole = new("create-role", "Create a least-privilege login role owning the schema (password generated, masked, output as role-password).") { Default = "false" };

    /// <summary>Input <c>migrations-path</c>.</summary>
    public static readonly TextInput MigrationsPath = new("migrations-path", "Folder of ordered .sql files applied inside the schema, each in a transaction, recorded in _bookiji_migrations.");

    /// <summary>Input <c>ttl</c>.</summary>
    public static readonly TextInput Ttl = new("ttl", "How long an environment lives before the sweep removes it (e.g. 7d, 36h).") { Default = "7d" };

    /// <summary>Input <c>github-token</c>.</summary>
    public static readonly TextInput GithubToken = new("github-token", "Token for reading pull request states in sweep mode.") { Default = "${{ github.token }}" };

    /// <summary>Input <c>descriptor-dir</c>.</summary>
    public static readonly TextInput DescriptorDir = new("descriptor-dir", "Folder for env-descriptors/<app-env>.json.") { Default = "env-descriptors" };

    /// <summary>Input <c>descriptor-file</c>.</summary>
    public static readonly TextInput DescriptorFile = new("descriptor-file", "The descriptor for the app.") { Default = ".ephemeral-env.json" };

    /// <summary>Output <c>mode</c>.</summary>
    public static readonly OutputDefinition ModeOutput = new("mode", "The mode that ran (create, destroy, sweep).");

    /// <summary>Output <c>app-env</c>.</summary>
    public static readonly OutputDefinition AppEnvOutput = new("app-env", "The environment id.");

    /// <summary>Output <c>schema-name</c>.</summary>
    public static readonly OutputDefinition SchemaNameOutput = new("schema-name", "The PostgreSQL schema.");

    /// <summary>Output <c>base-url</c>.</summary>
    public static readonly OutputDefinition BaseUrlOutput = new("base-url", "The environment's URL.");

    /// <summary>Output <c>redis-namespace</c>.</summary>
    public static readonly OutputDefinition RedisNamespaceOutput = new("redis-namespace", "The Redis key prefix (empty when Redis is not configured).");

    /// <summary>Output <c>descriptor-path</c>.</summary>
    public static readonly OutputDefinition DescriptorPathOutput = new("descriptor-path", "Path of env-descriptors/<app-env>.json, relative to the workspace.");

    /// <summary>Output <c>schema-created</c>.</summary>
    public static readonly OutputDefinition SchemaCreatedOutput = new("schema-created", "true when the schema exists after this run.");

    /// <summary>Output <c>database-url</c>.</summary>
    public static readonly OutputDefinition DatabaseUrlOutput = new("database-url", "A URL for the environment with search_path set to its schema (masked).");

    /// <summary>Output <c>role-name</c>.</summary>
    public static readonly OutputDefinition RoleNameOutput = new("role-name", "The environment's role (create-role only).");

    /// <summary>Output <c>role-password</c>.</summary>
    public static readonly OutputDefinition RolePasswordOutput = new("role-password", "The role's password (create-role only; masked).");

    /// <summary>Output <c>destroyed</c>.</summary>
    public static readonly OutputDefinition DestroyedOutput = new("destroyed", "true when destroy dropped a schema.");

    /// <summary>Output <c>removed</c>.</summary>
    public static readonly OutputDefinition RemovedOutput = new("removed", "JSON array of the app envs a sweep removed.");

    /// <summary>Output <c>kept</c>.</summary>
    public static readonly OutputDefinition KeptOutput = new("kept", "How many environments a sweep kept.");

    /// <summary>Output <c>redis-keys-removed</c>.</summary>
    public static readonly OutputDefinition RedisKeysRemovedOutput = new("redis-keys-removed", "How many Redis keys destroy or sweep removed.");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "ephemeral-env",
        BriefSection = "§2",
        Description = "A PostgreSQL schema, base URL, Redis namespace and descriptor per pull request; destroyed on close, swept nightly.",
        Icon = "layers",
        Color = "purple",
        Inputs = [Mode, AppEnv, DatabaseUrl, SchemaPrefix, BaseUrlTemplate, RedisUrl, RedisPrefix, CreateRole, MigrationsPath, Ttl, GithubToken, DescriptorDir, DescriptorFile],
        Outputs = [ModeOutput, AppEnvOutput, SchemaNameOutput, BaseUrlOutput, RedisNamespaceOutput, DescriptorPathOutput, SchemaCreatedOutput, DatabaseUrlOutput, RoleNameOutput, RolePasswordOutput, DestroyedOutput, RemovedOutput, KeptOutput, RedisKeysRemovedOutput],
    };
}
