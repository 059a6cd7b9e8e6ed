using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Core.Definition;

/// <summary>A boolean in the YAML 1.2 core-schema spellings.</summary>
public sealed record FlagInput(string Name, string Description, bool Default) : InputDefinition(Name, Description)
{
    /// <summary>The spellings accepted, as error messages name them.</summary>
    public const string Spellings = "a YAML 1.2 boolean (true | True | TRUE | false | False | FALSE)";

    /// <inheritdoc />
    public override string DefaultText => Default ? "true" : "false";

    /// <inheritdoc />
    public override string Accepts => "true | false";

    /// <summary>The value <paramref name="text"/> spells; null when it is not one of <see cref="Spellings"/>.</summary>
    public static bool? Parse(string text) => ActionCore.ParseYamlBoolean(text);
}
