using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>Source-generated JSON for Native AOT; nulls of the optional fields are left out.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeployRecord))]
[JsonSerializable(typeof(EphemeralEnvBaseUrl))]
[JsonSerializable(typeof(IReadOnlyList<GitHub.GitHubDeployment>))]
[JsonSerializable(typeof(IReadOnlyList<GitHub.GitHubDeploymentStatus>))]
[JsonSerializable(typeof(GitHub.NewGitHubDeployment))]
[JsonSerializable(typeof(GitHub.NewGitHubDeploymentStatus))]
[JsonSerializable(typeof(Vercel.VercelDeploymentList))]
internal sealed partial class DeployMetadataJsonContext : JsonSerializerContext;
