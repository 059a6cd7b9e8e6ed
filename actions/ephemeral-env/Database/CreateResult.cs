namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>What a create did.</summary>
/// <param name="SchemaCreated">True when this run created the schema (false: it existed and is ours).</param>
/// <param name="RoleCreated">True when this run created the role.</param>
public sealed record CreateResult(bool SchemaCreated, bool RoleCreated);
