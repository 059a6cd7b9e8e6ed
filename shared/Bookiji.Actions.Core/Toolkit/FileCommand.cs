using System.Text;

namespace Bookiji.Actions.Core.Toolkit;

/// <summary>
/// The runner's file commands (<c>GITHUB_OUTPUT</c>, <c>GITHUB_ENV</c>, <c>GITHUB_PATH</c>, <c>GITHUB_STATE</c>),
/// written as the toolkit's <c>file-command.ts</c> writes them.
/// </summary>
public static class FileCommand
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The delimiter prefix the toolkit uses; the runner accepts any delimiter not found in the value.</summary>
    public const string DelimiterPrefix = "ghadelimiter_";

    /// <summary>
    /// Builds <c>key&lt;&lt;ghadelimiter_GUID\nvalue\nghadelimiter_GUID</c>, refusing a key or value that
    /// contains the delimiter (which would let a value forge further outputs).
    /// </summary>
    public static string PrepareKeyValueMessage(string key, string value, Guid delimiterId)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var delimiter = DelimiterPrefix + delimiterId.ToString("D");
        if (key.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unexpected input: name should not contain the delimiter \"{delimiter}\"");
        }

        if (value.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unexpected input: value should not contain the delimiter \"{delimiter}\"");
        }

        return $"{key}<<{delimiter}\n{value}\n{delimiter}";
    }

    /// <summary>Appends <paramref name="message"/> and a newline to the file named by <c>GITHUB_{command}</c>.</summary>
    /// <exception cref="InvalidOperationException">The variable is unset or the file does not exist (toolkit messages).</exception>
    public static void Issue(ActionEnvironment environment, string command, string message)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var filePath = environment.GetNonEmpty($"GITHUB_{command}")
            ?? throw new InvalidOperationException($"Unable to find environment variable for file command {command}");
        if (!File.Exists(filePath))
        {
            throw new InvalidOperationException($"Missing file at path: {filePath}");
        }

        File.AppendAllText(filePath, message + "\n", Utf8NoBom);
    }
}
