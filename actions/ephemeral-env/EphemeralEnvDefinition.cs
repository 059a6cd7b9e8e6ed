using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>The one declaration of ephemeral-env's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class EphemeralEnvDefinition
{
    /// <summary>What the run does.</summary>
    public static readonly ChoiceInput<EnvMode> Mode = new(
        "mode",
        "What to do; auto destroys on a closed pull_request, sweeps on schedule and creates otherwise.",
        EnvMode.Auto,
        ("auto", EnvMode.Auto), ("create", EnvMode.Create), ("destroy", EnvMode.Destroy), ("sweep", EnvMode.Sweep));

    /// <summary>The environment id.</summary>
    public static readonly TextInput AppEnv = new("app-env", "Environment id, e.g. pr_123 or staging_1 (create, destroy). An id of the form pr_N gives {number} = N outside pull_request events.")
    {
        Env = "APP_ENV",
        ComputedDefault = "pr_<number> on pull_request events",
        Format = "[a-z0-9_], at most 200 characters",
    };

    /// <summary>The admin connection.</summary>
    public static readonly TextInput DatabaseUrl = new("database-url", "Admin connection to PostgreSQL; without it create writes the descriptor only. Required by destroy and sweep.")
    {
        Env = "DATABASE_URL",
        Secret = true,
        Format = "postgres://user:password@host:5432/db[?sslmode=require]",
    };

    public static readonly TextInput SchemaPrefix = new("schema-prefix", "Schema name prefix: the schema is <prefix><app-env>, e.g. my_app_pr_123. Sweep only looks under it.")
    {
        ComputedDefault = "the repository's name as an identifier plus _ (acme/my-app → my_app_)",
        Format = "[a-z_][a-z0-9_]*, at most 40 characters",
    };

    public static readonly TextInput BaseUrlTemplate = new("base-url-template", "The environment's URL (create only), written as it expands: {number} (the PR), {app-env} (_ as -), {branch} (slugged).")
    {
        ComputedDefault = "no URL (base-url empty, baseUrl null)",
        Format = "an http(s) URL template, e.g. https://pr-{number}.preview.example.com",
    };

    /// <summary>The Redis connection.</summary>
    public static readonly TextInput RedisUrl = new("redis-url", "Redis for the environment's key namespace; without it there is no Redis namespace.")
    {
        Env = "REDIS_URL",
        Secret = true,
        Format = "redis://[:password@]host:6379[/db] (rediss:// for TLS) or a StackExchange.Redis configuration",
    };

    public static readonly TextInput RedisPrefix = new("redis-prefix", "Redis namespace prefix: the namespace is <prefix><app-env>, e.g. my-app:pr_123.")
    {
        ComputedDefault = "the repository's name plus : (acme/my-app → my-app:)",
        Format = "letters, digits and : _ - . (no glob characters), at most 100 characters",
    };

    /// <summary>Whether to make the least-privilege role (and run migrations as it).</summary>
    public static readonly FlagInput CreateRole = new(
        "create-role",
        "Make a login role owning the schema and run migrations logged in as it; false runs migrations with database-url's rights.",
        true);

    /// <summary>The migrations folder.</summary>
    public static readonly PathInput MigrationsPath = new("migrations-path", "Folder of .sql files applied in name order inside the schema, each in one transaction (create only).")
    {
        Folder = true,
        MustExist = true,
    };

    /// <summary>How long an environment lives.</summary>
    public static readonly DurationInput Ttl = new(
        "ttl", "How long an environment lives before a sweep removes it, even when its PR is still open.", TimeSpan.FromDays(7), TimeSpan.FromMinutes(5), TimeSpan.FromDays(365));

    /// <summary>The token for reading PR states.</summary>
    public static readonly TextInput GithubToken = CommonInputs.GitHubToken("Token for reading pull request states (sweep) and for the PR comment; without one only the TTL rule removes environments.");

    /// <summary>How long the sweep waits for GitHub in all.</summary>
    public static readonly DurationInput GithubTimeout = new(
        "github-timeout", "How long a sweep waits for the GitHub API in all; states not read by then are unknown and the TTL rule decides.",
        TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

    /// <summary>Where the per-environment descriptor goes.</summary>
    public static readonly PathInput DescriptorDir = new("descriptor-dir", "Folder for the archived descriptor <app-env>.json (create only).")
    {
        Default = "env-descriptors",
        Folder = true,
    };

    /// <summary>The app-facing descriptor.</summary>
    public static readonly PathInput DescriptorFile = new("descriptor-file", "The descriptor the app reads (create only); same content as the archived one.")
    {
        Default = ".ephemeral-env.json",
    };

    /// <summary>Output <c>mode</c>.</summary>
    public static readonly OutputDefinition ModeOutput = new("mode", "The mode that ran: create, destroy or sweep (auto resolved).");

    /// <summary>Output <c>app-env</c>.</summary>
    public static readonly OutputDefinition AppEnvOutput = new("app-env", "The environment id, e.g. pr_123 (create, destroy).");

    /// <summary>Output <c>schema-name</c>.</summary>
    public static readonly OutputDefinition SchemaNameOutput = new("schema-name", "The PostgreSQL schema, e.g. my_app_pr_123 (create, destroy).");

    /// <summary>Output <c>base-url</c>.</summary>
    public static readonly OutputDefinition BaseUrlOutput = new("base-url", "The environment's URL as base-url-template expanded, e.g. https://pr-123.preview.example.com; empty without a template (create).");

    /// <summary>Output <c>redis-namespace</c>.</summary>
    public static readonly OutputDefinition RedisNamespaceOutput = new("redis-namespace", "The Redis key prefix, e.g. my-app:pr_123; empty when Redis is not configured (create).");

    /// <summary>Output <c>descriptor-path</c>.</summary>
    public static readonly OutputDefinition DescriptorPathOutput = new("descriptor-path", "Path of the archived descriptor <descriptor-dir>/<app-env>.json, relative to the workspace (create).");

    /// <summary>Output <c>schema-created</c>.</summary>
    public static readonly OutputDefinition SchemaCreatedOutput = new("schema-created", "true when the schema exists after this run (created now or before); false otherwise, or when the run failed (create).") { OnError = "false" };

    /// <summary>Output <c>database-url</c>.</summary>
    public static readonly OutputDefinition DatabaseUrlOutput = new(
        "database-url", "URL for the app: the role's (or, with create-role false, the admin's) credentials, search_path on the schema (create).", Secret: true);

    /// <summary>Output <c>role-name</c>.</summary>
    public static readonly OutputDefinition RoleNameOutput = new("role-name", "The environment's login role, e.g. my_app_pr_123_owner (create with create-role).");

    /// <summary>Output <c>role-password</c>.</summary>
    public static readonly OutputDefinition RolePasswordOutput = new("role-password", "The role's password, new on every create run (create with create-role).", Secret: true);

    /// <summary>Output <c>destroyed</c>.</summary>
    public static readonly OutputDefinition DestroyedOutput = new("destroyed", "true when destroy dropped the schema; false when there was none or the run failed (destroy).") { OnError = "false" };

    /// <summary>Output <c>removed</c>.</summary>
    public static readonly OutputDefinition RemovedOutput = new("removed", "JSON array of the app envs the sweep removed, e.g. [\"pr_12\"] (sweep).");

    /// <summary>Output <c>kept</c>.</summary>
    public static readonly OutputDefinition KeptOutput = new("kept", "How many environments the sweep kept (sweep).");

    /// <summary>Output <c>redis-keys-removed</c>.</summary>
    public static readonly OutputDefinition RedisKeysRemovedOutput = new("redis-keys-removed", "How many Redis keys were removed (destroy, sweep).");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "ephemeral-env",
        BriefSection = "§2",
        Description = "A PostgreSQL schema, base URL, Redis namespace and descriptor per pull request; destroyed on close, swept nightly.",
        Icon = "layers",
        Color = "purple",
        Inputs = [Mode, AppEnv, DatabaseUrl, SchemaPrefix, BaseUrlTemplate, RedisUrl, RedisPrefix, CreateRole, MigrationsPath, Ttl, GithubToken, GithubTimeout, DescriptorDir, DescriptorFile, CommonInputs.PrComment],
        Outputs = [ModeOutput, AppEnvOutput, SchemaNameOutput, BaseUrlOutput, RedisNamespaceOutput, DescriptorPathOutput, SchemaCreatedOutput, DatabaseUrlOutput, RoleNameOutput, RolePasswordOutput, DestroyedOutput, RemovedOutput, KeptOutput, RedisKeysRemovedOutput],
    };
}
