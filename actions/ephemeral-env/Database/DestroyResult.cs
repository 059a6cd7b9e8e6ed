namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>What a destroy did.</summary>
/// <param name="SchemaDropped">True when a schema was dropped.</param>
/// <param name="RoleDropped">True when a role was dropped.</param>
public sealed record DestroyResult(bool SchemaDropped, bool RoleDropped);
