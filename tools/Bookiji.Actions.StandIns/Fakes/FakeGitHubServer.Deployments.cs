using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.StandIns.Fakes;

// GitHub's Deployments API, in the documented shapes (docs.github.com/rest/deployments/deployments and
// …/deployments/statuses): list (sha, ref, environment filters; newest first; paginated), create (ref + payload
// + environment; 201), list statuses (newest first), create status (201; a success status with auto_inactive
// marks the environment's other deployments inactive, as GitHub does for non-transient environments).
public sealed partial class FakeGitHubServer
{
    private readonly List<FakeDeployment> _deployments = [];
    private long _nextDeploymentId = 1000;

    /// <summary>A copy of the deployments of <paramref name="repository"/>, oldest first.</summary>
    public IReadOnlyList<FakeDeployment> Deployments(string repository)
    {
        lock (_gate)
        {
            return [.. _deployments.Where(d => d.Repository == repository)];
        }
    }

    /// <summary>Adds a deployment directly (as an earlier workflow run would have), with a success status when <paramref name="succeeded"/>.</summary>
    public FakeDeployment AddDeployment(string repository, string sha, string environment, JsonNode? payload, bool succeeded = true, string? environmentUrl = null, DateTimeOffset? createdAt = null)
    {
        lock (_gate)
        {
            var deployment = new FakeDeployment
            {
                Repository = repository, Id = ++_nextDeploymentId, Sha = sha, Ref = sha, Environment = environment,
                Payload = payload, CreatedAt = createdAt ?? Time.GetUtcNow(),
            };
            if (succeeded)
            {
                deployment.Statuses.Add((++_nextDeploymentId, "success", environmentUrl, null, null, deployment.CreatedAt));
            }

            _deployments.Add(deployment);
            return deployment;
        }
    }

    private void MapDeployments(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}/deployments", (HttpContext ctx, string owner, string repo) =>
        {
            var q = ctx.Request.Query;
            List<FakeDeployment> matches;
            lock (_gate)
            {
                matches = [.. _deployments
                    .Where(d => d.Repository == $"{owner}/{repo}"
                        && (q["sha"].Count == 0 || d.Sha == q["sha"].ToString())
                        && (q["ref"].Count == 0 || d.Ref == q["ref"].ToString())
                        && (q["environment"].Count == 0 || d.Environment == q["environment"].ToString()))
                    .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)];
            }

            return WritePage(ctx, matches, d => DeploymentJson(ctx, d));
        });
        app.MapPost("/repos/{owner}/{repo}/deployments", async (HttpContext ctx, string owner, string repo) =>
        {
            var body = await ReadBody(ctx);
            var reference = body["ref"]?.GetValue<string>();
            if (string.IsNullOrEmpty(reference))
            {
                await WriteError(ctx, 422, "Invalid request. \"ref\" wasn't supplied.", "https://docs.github.com/rest/deployments/deployments#create-a-deployment");
                return;
            }

            FakeDeployment deployment;
            lock (_gate)
            {
                deployment = new FakeDeployment
                {
                    Repository = $"{owner}/{repo}", Id = ++_nextDeploymentId, Sha = reference, Ref = reference,
                    Environment = body["environment"]?.GetValue<string>() ?? "production",
                    Payload = body["payload"]?.DeepClone(), Description = body["description"]?.GetValue<string>(),
                    Transient = body["transient_environment"]?.GetValue<bool>() ?? false,
                    Production = body["production_environment"]?.GetValue<bool>() ?? false,
                    CreatedAt = Time.GetUtcNow(),
                };
                _deployments.Add(deployment);
            }

            await WriteJson(ctx, DeploymentJson(ctx, deployment), 201);
        });
        app.MapGet("/repos/{owner}/{repo}/deployments/{id:long}/statuses", async (HttpContext ctx, string owner, string repo, long id) =>
        {
            if (FindDeployment(owner, repo, id) is not { } deployment)
            {
                await WriteError(ctx, 404, "Not Found", "https://docs.github.com/rest/deployments/statuses#list-deployment-statuses");
                return;
            }

            List<(long Id, string State, string? EnvironmentUrl, string? LogUrl, string? Description, DateTimeOffset CreatedAt)> statuses;
            lock (_gate)
            {
                statuses = [.. Enumerable.Reverse(deployment.Statuses)];
            }

            await WritePage(ctx, statuses, s => StatusJson(ctx, deployment, s));
        });
        app.MapPost("/repos/{owner}/{repo}/deployments/{id:long}/statuses", async (HttpContext ctx, string owner, string repo, long id) =>
        {
            var body = await ReadBody(ctx);
            var state = body["state"]?.GetValue<string>();
            string[] states = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"];
            if (FindDeployment(owner, repo, id) is not { } deployment || state is null || !states.Contains(state))
            {
                await WriteError(ctx, state is null ? 422 : 404, state is null ? "Validation Failed" : "Not Found", "https://docs.github.com/rest/deployments/statuses#create-a-deployment-status");
                return;
            }

            (long, string, string?, string?, string?, DateTimeOffset) status;
            lock (_gate)
            {
                status = (++_nextDeploymentId, state, body["environment_url"]?.GetValue<string>(), body["log_url"]?.GetValue<string>(), body["description"]?.GetValue<string>(), Time.GetUtcNow());
                deployment.Statuses.Add(status);
                if (state == "success" && (body["auto_inactive"]?.GetValue<bool>() ?? true) && !deployment.Transient)
                {
                    foreach (var other in _deployments.Where(d => d.Repository == deployment.Repository && d.Environment == deployment.Environment && d.Id != deployment.Id && d.Statuses.Count > 0 && d.Statuses[^1].State == "success"))
                    {
                        other.Statuses.Add((++_nextDeploymentId, "inactive", null, null, "superseded", Time.GetUtcNow()));
                    }
                }
            }

            await WriteJson(ctx, StatusJson(ctx, deployment, status), 201);
        });
    }

    private FakeDeployment? FindDeployment(string owner, string repo, long id)
    {
        lock (_gate)
        {
            return _deployments.FirstOrDefault(d => d.Repository == $"{owner}/{repo}" && d.Id == id);
        }
    }

    private static JsonObject DeploymentJson(HttpContext ctx, FakeDeployment d)
    {
        var api = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/repos/{d.Repository}/deployments/{d.Id}";
        return new JsonObject
        {
            ["url"] = api,
            ["id"] = d.Id,
            ["node_id"] = $"DE_{d.Id}",
            ["sha"] = d.Sha,
            ["ref"] = d.Ref,
            ["task"] = "deploy",
            ["payload"] = d.Payload?.DeepClone() ?? new JsonObject(),
            ["original_environment"] = d.Environment,
            ["environment"] = d.Environment,
            ["description"] = d.Description,
            ["creator"] = new JsonObject { ["login"] = "github-actions[bot]", ["id"] = 41898282, ["type"] = "Bot" },
            ["created_at"] = d.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["updated_at"] = d.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["statuses_url"] = api + "/statuses",
            ["repository_url"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/repos/{d.Repository}",
            ["transient_environment"] = d.Transient,
            ["production_environment"] = d.Production,
        };
    }

    private static JsonObject StatusJson(HttpContext ctx, FakeDeployment d, (long Id, string State, string? EnvironmentUrl, string? LogUrl, string? Description, DateTimeOffset CreatedAt) s) => new()
    {
        ["url"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/repos/{d.Repository}/deployments/{d.Id}/statuses/{s.Id}",
        ["id"] = s.Id,
        ["node_id"] = $"DES_{s.Id}",
        ["state"] = s.State,
        ["creator"] = new JsonObject { ["login"] = "github-actions[bot]", ["id"] = 41898282, ["type"] = "Bot" },
        ["description"] = s.Description ?? string.Empty,
        ["environment"] = d.Environment,
        ["target_url"] = s.LogUrl ?? string.Empty,
        ["log_url"] = s.LogUrl ?? string.Empty,
        ["environment_url"] = s.EnvironmentUrl ?? string.Empty,
        ["created_at"] = s.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["updated_at"] = s.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["deployment_url"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/repos/{d.Repository}/deployments/{d.Id}",
    };
}
