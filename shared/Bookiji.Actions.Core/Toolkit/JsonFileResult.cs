namespace Bookiji.Actions.Core.Toolkit;

/// <summary>The outcome of reading one typed JSON file: the value, or what is wrong with the file.</summary>
/// <typeparam name="T">The file's record type.</typeparam>
/// <param name="Path">The file.</param>
/// <param name="Value">The value, when the file fits its type.</param>
/// <param name="Problem">What is wrong, when it does not (e.g. "does not exist").</param>
/// <param name="Missing">The file does not exist (callers often treat that as "not configured").</param>
public sealed record JsonFileResult<T>(string Path, T? Value, string? Problem, bool Missing)
    where T : class
{
    /// <summary>A one-line message naming the file and the problem.</summary>
    public string? Message => Problem is null ? null : $"{Path} {Problem}.";

    internal static JsonFileResult<T> Fail(string path, string problem, bool missing = false) => new(path, null, problem, missing);
}
