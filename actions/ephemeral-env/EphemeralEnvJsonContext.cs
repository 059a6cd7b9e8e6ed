using System.Text.Json.Serialization;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>Source-generated JSON for the files and outputs this action writes: the descriptor (indented, as the brief shows it).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EnvironmentDescriptor))]
internal sealed partial class EphemeralEnvJsonContext : JsonSerializerContext;
