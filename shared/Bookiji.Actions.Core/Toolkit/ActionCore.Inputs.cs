namespace Bookiji.Actions.Core.Toolkit;

public sealed partial class ActionCore
{
    /// <summary>The environment variable the runner uses for an input: spaces become <c>_</c>, upper-cased, hyphens kept.</summary>
    public static string InputVariableName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "INPUT_" + name.Replace(' ', '_').ToUpperInvariant();
    }

    /// <summary>Reads an input as the toolkit's <c>getInput</c>: empty when unset, trimmed unless told otherwise.</summary>
    /// <exception cref="Errors.InputException">The input is required and empty.</exception>
    public string GetInput(string name, InputOptions? options = null)
    {
        var value = Environment[InputVariableName(name)] ?? string.Empty;
        if (options is { Required: true } && value.Length == 0)
        {
            throw new Errors.InputException(name, $"Input required and not supplied: {name}");
        }

        return options is { TrimWhitespace: false } ? value : value.Trim();
    }

    /// <summary>Reads a boolean input; accepts only the YAML 1.2 core-schema spellings, as the toolkit does.</summary>
    /// <exception cref="Errors.InputException">The value is not one of <c>true | True | TRUE | false | False | FALSE</c>.</exception>
    public bool GetBooleanInput(string name, InputOptions? options = null)
    {
        var value = GetInput(name, options);
        return ParseYamlBoolean(value) ?? throw new Errors.InputException(
            name,
            $"Input does not meet YAML 1.2 \"Core Schema\" specification: {name}\n" +
            "Support boolean input list: `true | True | TRUE | false | False | FALSE`");
    }

    /// <summary>Reads a multiline input: one entry per non-empty line, trimmed unless told otherwise.</summary>
    public IReadOnlyList<string> GetMultilineInput(string name, InputOptions? options = null)
    {
        var lines = GetInput(name, options).Split('\n').Where(line => line.Length > 0);
        return options is { TrimWhitespace: false } ? [.. lines] : [.. lines.Select(line => line.Trim())];
    }

    /// <summary>Parses the six YAML 1.2 core-schema spellings of a boolean; anything else is <c>null</c>.</summary>
    public static bool? ParseYamlBoolean(string value) => value switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };
}
