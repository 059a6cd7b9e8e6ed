using Bookiji.Actions.EphemeralEnv.Database;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>What a create achieved, gathered step by step for the report.</summary>
internal sealed class CreateOutcome
{
    public CreateResult? Schema { get; set; }

    public string? SchemaError { get; set; }

    public string? RolePassword { get; set; }

    public MigrationReport? Migrations { get; set; }

    public string? RedisError { get; set; }
}
