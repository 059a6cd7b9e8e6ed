namespace Bookiji.Actions.Core.Markdown;

/// <summary>
/// Absolute links to this project's documentation. Summaries and incidents are read in the user's repository,
/// where a relative <c>docs/…</c> path names nothing: they link here, at a ref users pin.
/// </summary>
public static class ProjectLinks
{
    /// <summary>The repository the documentation lives in.</summary>
    public const string Repository = "https://github.com/bookiji/bookiji-actions";

    /// <summary>
    /// The ref the documentation is linked at: the major tag users pin (<c>uses: bookiji/bookiji-actions/…@v1</c>),
    /// so a link shows the documentation of the release that wrote it. Change it here when a new major ships.
    /// </summary>
    public const string DocsRef = "v1";

    /// <summary>The absolute URL of <paramref name="file"/> under <c>docs/</c> (e.g. <c>SLO_DASHBOARD.md</c>) at <see cref="DocsRef"/>.</summary>
    public static string Doc(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        return $"{Repository}/blob/{DocsRef}/docs/{file}";
    }
}
