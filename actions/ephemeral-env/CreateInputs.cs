using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;
using D = Bookiji.Actions.EphemeralEnv.EphemeralEnvDefinition;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>What <c>mode: create</c> needs: every name, the URL, the optional database and migrations, where the descriptors go.</summary>
public sealed record CreateInputs : EphemeralEnvInputs
{
    /// <summary>The environment's database and Redis names.</summary>
    public required EnvironmentNames Names { get; init; }

    /// <summary>The environment's URL, exactly as the template expanded; null without a template.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The pull request number, when known (from the event, or an app env of the form <c>pr_N</c>).</summary>
    public int? PullRequest { get; init; }

    /// <summary>The database, when configured; without it only the descriptor is written.</summary>
    public DatabaseTarget? Database { get; init; }

    /// <summary>Make a least-privilege login role owning the schema, and run migrations logged in as it.</summary>
    public bool CreateRole { get; init; }

    /// <summary>The migrations folder (absolute, inside the workspace), when given.</summary>
    public string? MigrationsPath { get; init; }

    /// <summary>How long the environment lives before a sweep removes it.</summary>
    public TimeSpan Ttl { get; init; }

    /// <summary>The folder for <c>&lt;app-env&gt;.json</c> (absolute, inside the workspace).</summary>
    public required string DescriptorDirectory { get; init; }

    /// <summary>The app-facing descriptor (absolute, inside the workspace).</summary>
    public required string DescriptorFile { get; init; }

    /// <summary>The commit the environment is for (the PR head on pull_request events).</summary>
    public string? CommitSha { get; init; }

    public string? Branch { get; init; }

    /// <summary>Update this action's section of the sticky PR comment.</summary>
    public bool PrComment { get; init; }

    /// <summary>The token for the PR comment.</summary>
    public string? GitHubToken { get; init; }

    internal static CreateInputs? Parse(InputReader reader, ActionRuntime runtime, CommonParts common, DatabaseTarget? database)
    {
        var github = runtime.GitHub;
        var appEnv = ReadAppEnv(reader, runtime);
        string? baseUrl = null;
        var template = reader.Read(D.BaseUrlTemplate);
        var urlValid = true;
        if (appEnv is { } known && template is not null)
        {
            (baseUrl, var templateError) = EnvironmentNaming.ExpandBaseUrl(template, known.AppEnv, known.PullRequest, github.Branch);
            if (templateError is not null)
            {
                urlValid = false;
                reader.AddError(D.BaseUrlTemplate.Name, $"{D.BaseUrlTemplate.Describe()} {templateError}");
            }
        }

        var createRole = reader.Read(D.CreateRole);
        var migrations = reader.Read(D.MigrationsPath);
        var ttl = reader.Read(D.Ttl);
        var descriptorDir = reader.Read(D.DescriptorDir);
        var descriptorFile = reader.Read(D.DescriptorFile);
        var prComment = reader.Read(CommonInputs.PrComment);
        var token = reader.Read(D.GithubToken);
        if (appEnv is not { } env || !urlValid || ttl is not { } lifetime || descriptorDir is null || descriptorFile is null)
        {
            return null;
        }

        return new CreateInputs
        {
            SchemaPrefix = common.SchemaPrefix,
            RedisPrefix = common.RedisPrefix,
            Redis = common.Redis,
            Names = EnvironmentNaming.Build(env.AppEnv, common.SchemaPrefix, common.Redis is null ? null : common.RedisPrefix),
            BaseUrl = baseUrl,
            PullRequest = env.PullRequest,
            Database = database,
            CreateRole = createRole,
            MigrationsPath = migrations,
            Ttl = lifetime,
            DescriptorDirectory = descriptorDir,
            DescriptorFile = descriptorFile,
            CommitSha = github.PullRequestHeadSha ?? (github.Sha.Length > 0 ? github.Sha : null),
            Branch = github.Branch,
            PrComment = prComment,
            GitHubToken = token,
        };
    }
}
