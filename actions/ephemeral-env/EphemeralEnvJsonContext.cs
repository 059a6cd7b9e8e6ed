using System.Text.Json.Serialization;
using Bookiji.Actions.EphemeralEnv.Database;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>Source-generated JSON for the descriptor and the ownership marker.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EnvironmentDescriptor))]
[JsonSerializable(typeof(OwnershipMarker))]
internal sealed partial class EphemeralEnvJsonContext : JsonSerializerContext;
