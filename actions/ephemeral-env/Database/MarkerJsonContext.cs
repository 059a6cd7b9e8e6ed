using System.Text.Json.Serialization;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>Source-generated JSON for the ownership marker, on one line as a <c>COMMENT</c> reads best.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OwnershipMarker))]
internal sealed partial class MarkerJsonContext : JsonSerializerContext;
