using System.Globalization;
using System.Text.Json.Nodes;

namespace Bookiji.Actions.Core.Toolkit;

/// <summary>Turns a value into the text a workflow or file command carries (the toolkit's <c>toCommandValue</c>).</summary>
public static class CommandValue
{
    /// <summary>
    /// <c>null</c> becomes the empty string, strings pass unchanged, booleans become <c>true</c>/<c>false</c>,
    /// numbers use invariant round-trip formatting and JSON nodes their compact JSON, as <c>JSON.stringify</c> does.
    /// </summary>
    public static string From(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        JsonNode node => node.ToJsonString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
