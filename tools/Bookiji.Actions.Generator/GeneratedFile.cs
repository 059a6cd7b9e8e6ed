namespace Bookiji.Actions.Generator;

/// <summary>One file as the generator would write it, next to what is committed.</summary>
/// <param name="Path">The file.</param>
/// <param name="Expected">The generated text, or null when the file cannot be generated (then <paramref name="Problem"/> says why).</param>
/// <param name="Actual">The committed text (null when missing).</param>
/// <param name="Problem">Why the file cannot be generated (e.g. its markers are missing).</param>
public sealed record GeneratedFile(string Path, string? Expected, string? Actual, string? Problem = null)
{
    /// <summary>Whether the committed file is what the generator would write.</summary>
    public bool UpToDate => Problem is null && Expected == Actual;
}
