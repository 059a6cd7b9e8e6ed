using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Markdown;

namespace Bookiji.Actions.Tests.Core.Markdown;

/// <summary>Finds <c>docs/…</c> references that would name nothing in the user's repository.</summary>
internal static partial class RelativeDocLinks
{
    /// <summary>Every <c>docs/NAME.md</c> in <paramref name="text"/> that is not part of an absolute link to this project's docs.</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        var withoutOurs = text.Replace($"{ProjectLinks.Repository}/blob/{ProjectLinks.DocsRef}/docs/", "(absolute)", StringComparison.Ordinal);
        return [.. DocPath().Matches(withoutOurs).Select(m => m.Value)];
    }

    [GeneratedRegex(@"docs/[A-Za-z0-9_.-]+\.md")]
    private static partial Regex DocPath();
}
