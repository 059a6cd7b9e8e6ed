using System.Text.Json;
using System.Text.Json.Nodes;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Core.Context;

/// <summary>
/// The workflow run's context from <c>GITHUB_*</c> variables and the event payload, as the toolkit's
/// <c>github.context</c>, with pull-request helpers. Built from an injected environment.
/// </summary>
public sealed class GitHubContext
{
    /// <summary>The public GitHub API, used when <c>GITHUB_API_URL</c> is not set.</summary>
    public const string DefaultApiUrl = "https://api.github.com";

    /// <summary>The public GitHub server, used when <c>GITHUB_SERVER_URL</c> is not set.</summary>
    public const string DefaultServerUrl = "https://github.com";

    private GitHubContext(ActionEnvironment environment, JsonObject payload, string? payloadProblem)
    {
        EventName = environment["GITHUB_EVENT_NAME"] ?? string.Empty;
        Sha = environment["GITHUB_SHA"] ?? string.Empty;
        Ref = environment["GITHUB_REF"] ?? string.Empty;
        Workflow = environment["GITHUB_WORKFLOW"] ?? string.Empty;
        Action = environment["GITHUB_ACTION"] ?? string.Empty;
        Actor = environment["GITHUB_ACTOR"] ?? string.Empty;
        Job = environment["GITHUB_JOB"] ?? string.Empty;
        RunId = ParseLong(environment["GITHUB_RUN_ID"]);
        RunNumber = ParseLong(environment["GITHUB_RUN_NUMBER"]);
        RunAttempt = ParseLong(environment["GITHUB_RUN_ATTEMPT"]);
        ApiUrl = environment.GetNonEmpty("GITHUB_API_URL") ?? DefaultApiUrl;
        ServerUrl = environment.GetNonEmpty("GITHUB_SERVER_URL") ?? DefaultServerUrl;
        GraphqlUrl = environment.GetNonEmpty("GITHUB_GRAPHQL_URL") ?? "https://api.github.com/graphql";
        HeadRef = environment.GetNonEmpty("GITHUB_HEAD_REF");
        BaseRef = environment.GetNonEmpty("GITHUB_BASE_REF");
        RefName = environment.GetNonEmpty("GITHUB_REF_NAME");
        Repository = RepositoryRef.TryParse(environment["GITHUB_REPOSITORY"])
            ?? RepositoryRef.TryParse(ReadString(payload["repository"]?["full_name"]));
        Payload = payload;
        PayloadProblem = payloadProblem;
    }

    /// <summary>Reads the context; a missing or unreadable event file leaves an empty payload and a problem to report.</summary>
    public static GitHubContext From(ActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = environment.GetNonEmpty("GITHUB_EVENT_PATH");
        if (path is null)
        {
            return new GitHubContext(environment, [], null);
        }

        if (!File.Exists(path))
        {
            return new GitHubContext(environment, [], $"GITHUB_EVENT_PATH {path} does not exist");
        }

        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path));
            return node is JsonObject obj
                ? new GitHubContext(environment, obj, null)
                : new GitHubContext(environment, [], $"GITHUB_EVENT_PATH {path} does not hold a JSON object");
        }
        catch (JsonException ex)
        {
            return new GitHubContext(environment, [], $"GITHUB_EVENT_PATH {path} is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>The event that triggered the run, e.g. <c>pull_request</c>.</summary>
    public string EventName { get; }

    /// <summary>The commit SHA the run is for.</summary>
    public string Sha { get; }

    /// <summary>The full ref, e.g. <c>refs/pull/123/merge</c>.</summary>
    public string Ref { get; }

    /// <summary>The short ref name, e.g. <c>123/merge</c> or <c>main</c>.</summary>
    public string? RefName { get; }

    /// <summary>The workflow's name.</summary>
    public string Workflow { get; }

    /// <summary>The step's action id.</summary>
    public string Action { get; }

    /// <summary>Who triggered the run.</summary>
    public string Actor { get; }

    /// <summary>The job's key in the workflow file (<c>GITHUB_JOB</c>), not a numeric id.</summary>
    public string Job { get; }

    /// <summary>The run id (0 when unknown).</summary>
    public long RunId { get; }

    /// <summary>The run number (0 when unknown).</summary>
    public long RunNumber { get; }

    /// <summary>The attempt number (0 when unknown).</summary>
    public long RunAttempt { get; }

    /// <summary>The REST API base URL: <c>GITHUB_API_URL</c> (GitHub Enterprise, tests) or the public API.</summary>
    public string ApiUrl { get; }

    /// <summary>The web server URL.</summary>
    public string ServerUrl { get; }

    /// <summary>The GraphQL endpoint.</summary>
    public string GraphqlUrl { get; }

    /// <summary>The pull request's head branch (pull_request events only).</summary>
    public string? HeadRef { get; }

    /// <summary>The pull request's base branch (pull_request events only).</summary>
    public string? BaseRef { get; }

    /// <summary>The repository, from <c>GITHUB_REPOSITORY</c> or the payload.</summary>
    public RepositoryRef? Repository { get; }

    /// <summary>The event payload (empty when there is none).</summary>
    public JsonObject Payload { get; }

    /// <summary>Why the payload could not be read, when the event file was named but missing or invalid.</summary>
    public string? PayloadProblem { get; }

    /// <summary>The issue or pull request number: <c>issue.number</c>, <c>pull_request.number</c> or <c>number</c>.</summary>
    public int? IssueNumber =>
        ReadInt(Payload["issue"]?["number"]) ?? ReadInt(Payload["pull_request"]?["number"]) ?? ReadInt(Payload["number"]);

    /// <summary>The pull request's number, when the payload is a pull request's.</summary>
    public int? PullRequestNumber => ReadInt(Payload["pull_request"]?["number"]);

    /// <summary>The pull request's base SHA.</summary>
    public string? PullRequestBaseSha => ReadString(Payload["pull_request"]?["base"]?["sha"]);

    /// <summary>The pull request's head SHA (the commit a PR's preview is built from, unlike <see cref="Sha"/>, the merge commit).</summary>
    public string? PullRequestHeadSha => ReadString(Payload["pull_request"]?["head"]?["sha"]);

    /// <summary>The payload's <c>action</c>, e.g. <c>opened</c> or <c>closed</c>.</summary>
    public string? PayloadAction => ReadString(Payload["action"]);

    /// <summary>The repository's default branch as the event payload names it (push, pull_request, workflow_dispatch…; not schedule).</summary>
    public string? DefaultBranch => ReadString(Payload["repository"]?["default_branch"]);

    /// <summary>The branch the run is about: the PR head branch, else the ref name of a branch push.</summary>
    public string? Branch =>
        HeadRef ?? ReadString(Payload["pull_request"]?["head"]?["ref"])
        ?? (Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? Ref["refs/heads/".Length..] : RefName);

    /// <summary>The URL of this workflow run, when the repository and run id are known.</summary>
    public string? RunUrl => Repository is null || RunId == 0 ? null : $"{ServerUrl.TrimEnd('/')}/{Repository}/actions/runs/{RunId}";

    private static long ParseLong(string? text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static int? ReadInt(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
