using System.Text;

namespace Bookiji.Actions.Core.PullRequests;

/// <summary>
/// The sticky pull-request comment's body, pure: one hidden marker finds the comment, and each action owns one
/// section between its own markers, so actions edit their part and leave the others as they are.
/// </summary>
public static class PrCommentBody
{
    /// <summary>The marker that identifies the sticky comment.</summary>
    public const string Marker = "<!-- bookiji-actions:pr-comment -->";

    /// <summary>The sections in the order the story reads (unknown sections follow, by name).</summary>
    public static readonly IReadOnlyList<string> Order = ["ephemeral-env", "predict-tests", "deploy-metadata", "traffic-shadow"];

    /// <summary>GitHub refuses comments over 65,536 characters; each section is cut well below that.</summary>
    public const int MaxSectionChars = 12_000;

    /// <summary>The most sections a comment keeps (the story has four; anything past the cap is dropped, not parsed).</summary>
    public const int MaxSections = 12;

    /// <summary>Whether <paramref name="body"/> is the sticky comment.</summary>
    public static bool IsSticky(string? body) => body is not null && body.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>The sections of a sticky comment, by name.</summary>
    public static IReadOnlyDictionary<string, string> Sections(string? body)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IsSticky(body))
        {
            return sections;
        }

        var at = 0;
        while ((at = body!.IndexOf("<!-- section:", at, StringComparison.Ordinal)) >= 0)
        {
            var nameEnd = body.IndexOf(" -->", at, StringComparison.Ordinal);
            if (nameEnd < 0)
            {
                break;
            }

            var name = body[(at + "<!-- section:".Length)..nameEnd];
            if (!IsSectionName(name) || sections.Count >= MaxSections)
            {
                break;
            }

            var end = body.IndexOf(EndMarker(name), nameEnd, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            sections[name] = body[(nameEnd + " -->".Length)..end].Trim('\n');
            at = end + EndMarker(name).Length;
        }

        return sections;
    }

    /// <summary>The body with <paramref name="section"/> set to <paramref name="markdown"/> and every other section kept.</summary>
    public static string WithSection(string? body, string section, string markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        if (!IsSectionName(section))
        {
            throw new ArgumentException($"'{section}' is not a section name.", nameof(section));
        }

        ArgumentNullException.ThrowIfNull(markdown);
        var sections = new Dictionary<string, string>(Sections(body), StringComparer.Ordinal) { [section] = Cut(markdown) };
        var text = new StringBuilder(Marker).Append('\n').Append("### Bookiji Actions\n");
        foreach (var name in sections.Keys.OrderBy(n => Order.Contains(n) ? Order.ToList().IndexOf(n) : Order.Count).ThenBy(n => n, StringComparer.Ordinal))
        {
            text.Append('\n').Append(StartMarker(name)).Append('\n').Append(sections[name]).Append('\n').Append(EndMarker(name)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Section names are action names: lower-case letters, digits and dashes.</summary>
    public static bool IsSectionName(string name) =>
        name.Length is > 0 and <= 40 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>Whether the body holds <paramref name="section"/> with exactly <paramref name="markdown"/>.</summary>
    public static bool Holds(string? body, string section, string markdown) =>
        Sections(body).TryGetValue(section, out var held) && held == Cut(markdown).Trim('\n');

    private static string StartMarker(string name) => $"<!-- section:{name} -->";

    private static string EndMarker(string name) => $"<!-- /section:{name} -->";

    private static string Cut(string markdown)
    {
        // Report text can contain anything (a PR can name a test file "<!-- /section:x -->"): no HTML comment may
        // start inside a section, so the markers stay the only ones.
        var safe = markdown.Replace("<!--", "&lt;!--", StringComparison.Ordinal);
        if (safe.Length <= MaxSectionChars)
        {
            return safe;
        }

        var cut = char.IsHighSurrogate(safe[MaxSectionChars - 1]) ? MaxSectionChars - 1 : MaxSectionChars;
        return safe[..cut] + "\n\n*(cut: the full report is in the step summary)*";
    }
}
