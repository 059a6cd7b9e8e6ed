using System.Globalization;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Core.Inputs;

/// <summary>
/// Reads typed inputs with the project's precedence: the input (<c>with:</c>) &gt; the brief's environment
/// variable (e.g. <c>CANARY_URL</c>) &gt; the documented default. Every problem is collected, so one run
/// reports all bad inputs at once; call <see cref="ThrowIfInvalid"/> after reading.
/// </summary>
/// <remarks>
/// Inputs that have an environment fallback must not declare a default in <c>action.yml</c>: the runner
/// always fills defaults in, which would hide the variable.
/// </remarks>
public sealed partial class InputReader
{
    private readonly ActionCore _core;
    private readonly List<InputError> _errors = [];

    /// <summary>Creates a reader over the toolkit surface.</summary>
    public InputReader(ActionCore core) => _core = core ?? throw new ArgumentNullException(nameof(core));

    /// <summary>The errors collected so far.</summary>
    public IReadOnlyList<InputError> Errors => _errors;

    /// <summary>Records a problem found by the caller's own cross-input validation.</summary>
    public void AddError(string input, string message) => _errors.Add(new InputError(input, message));

    /// <summary>Throws one <see cref="InputException"/> carrying every error, if there were any.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new InputException([.. _errors]);
        }
    }

    /// <summary>
    /// The raw text of an input, its environment fallback, or <paramref name="defaultValue"/>; trimmed.
    /// A required input that is empty everywhere is reported with the toolkit's message.
    /// </summary>
    public string? String(string input, string? envFallback = null, string? defaultValue = null, bool required = false)
    {
        var value = Raw(input, envFallback) ?? defaultValue;
        if (required && string.IsNullOrEmpty(value))
        {
            var where = envFallback is null ? string.Empty : $" (nor the {envFallback} environment variable)";
            AddError(input, $"Input required and not supplied: {input}{where}. Set it with `with: {input}: ...`.");
        }

        return value;
    }

    /// <summary>A secret input: read like <see cref="String"/> and masked at once with <c>add-mask</c>.</summary>
    public string? Secret(string input, string? envFallback = null, bool required = false)
    {
        var value = String(input, envFallback, null, required);
        if (!string.IsNullOrEmpty(value))
        {
            _core.SetSecret(value);
        }

        return value;
    }

    /// <summary>A boolean in the YAML 1.2 core-schema spellings (true|True|TRUE|false|False|FALSE).</summary>
    public bool Boolean(string input, bool defaultValue, string? envFallback = null) =>
        Parsed(input, envFallback, defaultValue, "a YAML 1.2 boolean (true | True | TRUE | false | False | FALSE)", text =>
            ActionCore.ParseYamlBoolean(text) is { } value ? (true, value) : (false, defaultValue));

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Integer(string input, int defaultValue, int min, int max, string? envFallback = null) =>
        Parsed(input, envFallback, defaultValue, $"a whole number from {min} to {max}", text =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? (true, value) : (false, defaultValue));

    /// <summary>A decimal number within [<paramref name="min"/>, <paramref name="max"/>] (invariant culture, '.' as separator).</summary>
    public double Number(string input, double defaultValue, double min, double max, string? envFallback = null) =>
        Parsed(input, envFallback, defaultValue, string.Create(CultureInfo.InvariantCulture, $"a number from {min} to {max}"), text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max
                ? (true, value) : (false, defaultValue));

    /// <summary>One of <paramref name="allowed"/> (compared case-insensitively, returned as listed).</summary>
    public string Choice(string input, string defaultValue, IReadOnlyList<string> allowed, string? envFallback = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return Parsed(input, envFallback, defaultValue, $"one of {string.Join(" | ", allowed)}", text =>
            allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) is { } match ? (true, match) : (false, defaultValue));
    }

    /// <summary>
    /// The shared shape of every typed input: absent → the default; present and valid → the value;
    /// present and invalid → an error saying what the input accepts, and the default.
    /// </summary>
    private T Parsed<T>(string input, string? envFallback, T defaultValue, string accepts, Func<string, (bool Ok, T Value)> parse)
    {
        var text = Raw(input, envFallback);
        if (text is null)
        {
            return defaultValue;
        }

        var (ok, value) = parse(text);
        if (ok)
        {
            return value;
        }

        AddError(input, $"{Describe(input, envFallback)} must be {accepts}; got '{text}'.");
        return defaultValue;
    }

    /// <summary>The non-empty lines of a multiline input, trimmed.</summary>
    public IReadOnlyList<string> Lines(string input, string? envFallback = null)
    {
        var text = Raw(input, envFallback);
        return text is null ? [] : [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    /// <summary>The text of the input, else of the fallback variable; <c>null</c> when both are empty.</summary>
    private string? Raw(string input, string? envFallback)
    {
        var value = _core.GetInput(input);
        if (value.Length > 0)
        {
            return value;
        }

        var fallback = envFallback is null ? null : _core.Environment[envFallback]?.Trim();
        return string.IsNullOrEmpty(fallback) ? null : fallback;
    }

    private static string Describe(string input, string? envFallback) =>
        envFallback is null ? $"Input '{input}'" : $"Input '{input}' (or {envFallback})";
}
