namespace Bookiji.Actions.DeployMetadata.Rollback;

/// <summary>What a rollback run did.</summary>
public enum RollbackKind
{
    /// <summary>No earlier good deployment; nothing changed.</summary>
    None,

    /// <summary>The steps were printed; nothing changed.</summary>
    Instructions,

    /// <summary>The target was promoted through Vercel and the rollback recorded.</summary>
    Promoted,
}
