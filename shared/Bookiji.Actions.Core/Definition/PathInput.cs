namespace Bookiji.Actions.Core.Definition;

/// <summary>
/// A file or folder path, relative to the workspace. It must stay inside the workspace (or <c>RUNNER_TEMP</c>)
/// once <c>..</c> and symbolic links are resolved.
/// </summary>
public sealed record PathInput(string Name, string Description) : InputDefinition(Name, Description)
{
    /// <summary>The path when the input is not set; null for an optional path.</summary>
    public string? Default { get; init; }

    /// <summary>Whether it names a folder (else a file).</summary>
    public bool Folder { get; init; }

    /// <summary>The path must exist when given.</summary>
    public bool MustExist { get; init; }

    /// <inheritdoc />
    public override string? DefaultText => Default;

    /// <inheritdoc />
    public override string Accepts => (Folder ? "a folder" : "a file") + " path inside the workspace" + (MustExist ? " that exists" : string.Empty);

    /// <inheritdoc />
    protected override string? LiteralDefault => Default;
}
