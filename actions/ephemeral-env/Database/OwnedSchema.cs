namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>A schema this action created, with its marker.</summary>
/// <param name="SchemaName">The schema.</param>
/// <param name="Marker">Its ownership marker.</param>
public sealed record OwnedSchema(string SchemaName, OwnershipMarker Marker);
