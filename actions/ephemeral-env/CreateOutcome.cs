using Bookiji.Actions.EphemeralEnv.Database;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>What a create achieved, gathered step by step for the report.</summary>
internal sealed class CreateOutcome
{
    public CreateResult? Schema { get; set; }

    /// <summary>Why the schema was not created (or not confirmed), when it was not.</summary>
    public string? SchemaError { get; set; }

    public string? RolePassword { get; set; }

    public MigrationReport? Migrations { get; set; }

    /// <summary>Why migrations could not run at all (e.g. the role could not log in); a failing file is in <see cref="Migrations"/>.</summary>
    public string? MigrationError { get; set; }

    public string? RedisError { get; set; }

    public bool SchemaExists => Schema is not null && SchemaError is null;
}
