namespace Bookiji.Actions.Core.Definition;

/// <summary>A boolean in the YAML 1.2 core-schema spellings.</summary>
public sealed record FlagInput(string Name, string Description, bool Default) : InputDefinition(Name, Description)
{
    /// <inheritdoc />
    public override string DefaultText => Default ? "true" : "false";

    /// <inheritdoc />
    public override string Accepts => "true | false";
}
