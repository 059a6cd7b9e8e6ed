using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using D = Bookiji.Actions.DeployMetadata.DeployMetadataDefinition;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>
/// The action's inputs, resolved (input &gt; environment variable &gt; default): one record per mode. Parse reports
/// every problem at once and reads no file.
/// </summary>
public abstract partial record DeployMetadataInputs
{
    /// <summary>The absolute folder records are written to.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The GitHub deployment environment.</summary>
    public required string Environment { get; init; }

    /// <summary>The token for the Deployments API; null records a file only.</summary>
    public string? GitHubToken { get; init; }

    /// <summary>Reads and validates every input of the chosen mode.</summary>
    public static DeployMetadataInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var reader = new InputReader(runtime.Core);
        var mode = reader.Read(D.Mode);
        var environment = reader.Read(D.Environment) ?? (runtime.GitHub.EventName.StartsWith("pull_request", StringComparison.Ordinal) ? "preview" : "production");
        if (environment.Length > 255 || environment.Any(char.IsControl))
        {
            reader.AddError(D.Environment.Name, $"{D.Environment.Describe()} must be an environment name of at most 255 characters without control characters.");
        }

        var token = reader.Read(D.GitHubToken);
        var outputDir = reader.Read(D.OutputDir);
        DeployMetadataInputs inputs = mode == DeployMode.Rollback
            ? ParseRollback(reader) with { OutputDirectory = outputDir ?? string.Empty, Environment = environment, GitHubToken = token }
            : ParseRecord(reader) with { OutputDirectory = outputDir ?? string.Empty, Environment = environment, GitHubToken = token };
        reader.ThrowIfInvalid();
        return inputs;
    }

    private static DeployRecordInputs ParseRecord(InputReader reader)
    {
        var sha = reader.Read(D.Sha)?.ToLowerInvariant() ?? string.Empty;
        if (sha.Length > 0 && !FullSha().IsMatch(sha))
        {
            reader.AddError(D.Sha.Name, $"{D.Sha.Describe()} must be a full 40-character hexadecimal commit SHA (deploys are traced by the full SHA); got '{sha}'.");
        }

        return new DeployRecordInputs
        {
            OutputDirectory = string.Empty,
            Environment = string.Empty,
            Sha = sha,
            PreviewUrl = reader.Read(D.PreviewUrl),
            ProductionUrl = reader.Read(D.ProductionUrl),
            EphemeralEnvFile = reader.Read(D.EphemeralEnvFile) ?? string.Empty,
            RecordDeployment = reader.Read(D.RecordDeployment),
            PrComment = reader.Read(Core.Definition.CommonInputs.PrComment),
        };
    }

    private static DeployRollbackInputs ParseRollback(InputReader reader)
    {
        var toSha = reader.Read(D.ToSha)?.ToLowerInvariant();
        if (toSha is not null && !FullSha().IsMatch(toSha))
        {
            reader.AddError(D.ToSha.Name, $"{D.ToSha.Describe()} must be a full 40-character hexadecimal commit SHA; got '{toSha}'.");
        }

        var token = reader.Read(D.VercelToken);
        var project = reader.Read(D.VercelProjectId);
        var team = reader.Read(D.VercelTeamId);
        var api = reader.Read(D.VercelApiUrl);
        if (string.IsNullOrEmpty(token) != string.IsNullOrEmpty(project))
        {
            var missing = string.IsNullOrEmpty(token) ? D.VercelToken : D.VercelProjectId;
            reader.AddError(missing.Name, $"{missing.Describe()} is needed too: promoting through Vercel takes both vercel-token and vercel-project-id (leave both out to print the steps instead).");
        }

        return new DeployRollbackInputs
        {
            OutputDirectory = string.Empty,
            Environment = string.Empty,
            ToSha = toSha,
            Vercel = string.IsNullOrEmpty(token) || string.IsNullOrEmpty(project) || api is null ? null : new VercelTarget(api.Uri, token, project, team),
        };
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex FullSha();
}
