using System.Text;

namespace Bookiji.Actions.Core.Summary;

public sealed partial class StepSummary
{
    /// <summary>Adds raw text (HTML or Markdown), optionally followed by a newline.</summary>
    public StepSummary AddRaw(string text, bool addEol = false)
    {
        _buffer.Append(text);
        return addEol ? AddEol() : this;
    }

    /// <summary>Adds a newline.</summary>
    public StepSummary AddEol() => AddRaw("\n");

    /// <summary>Adds <c>&lt;pre lang&gt;&lt;code&gt;</c>. Like every element here the content is HTML as given: escape user text with <see cref="Escape"/>.</summary>
    public StepSummary AddCodeBlock(string code, string? lang = null) =>
        AddRaw(Wrap("pre", Wrap("code", code), lang is { Length: > 0 } ? [new("lang", lang)] : [])).AddEol();

    /// <summary>Adds an ordered or unordered list of HTML items.</summary>
    public StepSummary AddList(IEnumerable<string> items, bool ordered = false) =>
        AddRaw(Wrap(ordered ? "ol" : "ul", string.Concat(items.Select(item => Wrap("li", item))))).AddEol();

    /// <summary>Adds a table; each row is a list of cells (strings convert to data cells).</summary>
    public StepSummary AddTable(IEnumerable<IEnumerable<SummaryTableCell>> rows)
    {
        var body = new StringBuilder();
        foreach (var row in rows)
        {
            var cells = new StringBuilder();
            foreach (var cell in row)
            {
                var attrs = new List<KeyValuePair<string, string>>();
                if (cell.Colspan is { Length: > 0 })
                {
                    attrs.Add(new("colspan", cell.Colspan));
                }

                if (cell.Rowspan is { Length: > 0 })
                {
                    attrs.Add(new("rowspan", cell.Rowspan));
                }

                cells.Append(Wrap(cell.Header ? "th" : "td", cell.Data, attrs));
            }

            body.Append(Wrap("tr", cells.ToString()));
        }

        return AddRaw(Wrap("table", body.ToString())).AddEol();
    }

    /// <summary>Adds a collapsible <c>details</c> element.</summary>
    public StepSummary AddDetails(string label, string content) =>
        AddRaw(Wrap("details", Wrap("summary", label) + content)).AddEol();

    /// <summary>Adds an image.</summary>
    public StepSummary AddImage(string src, string alt, string? width = null, string? height = null)
    {
        var attrs = new List<KeyValuePair<string, string>> { new("src", src), new("alt", alt) };
        if (width is { Length: > 0 })
        {
            attrs.Add(new("width", width));
        }

        if (height is { Length: > 0 })
        {
            attrs.Add(new("height", height));
        }

        return AddRaw(Wrap("img", null, attrs)).AddEol();
    }

    /// <summary>Adds a heading; levels outside 1–6 become <c>h1</c>, as in the toolkit.</summary>
    public StepSummary AddHeading(string text, int level = 1) =>
        AddRaw(Wrap(level is >= 1 and <= 6 ? $"h{level}" : "h1", text)).AddEol();

    /// <summary>Adds a horizontal rule.</summary>
    public StepSummary AddSeparator() => AddRaw(Wrap("hr", null)).AddEol();

    /// <summary>Adds a line break.</summary>
    public StepSummary AddBreak() => AddRaw(Wrap("br", null)).AddEol();

    /// <summary>Adds a block quote, with an optional citation URL.</summary>
    public StepSummary AddQuote(string text, string? cite = null) =>
        AddRaw(Wrap("blockquote", text, cite is { Length: > 0 } ? [new("cite", cite)] : [])).AddEol();

    /// <summary>Adds a link.</summary>
    public StepSummary AddLink(string text, string href) => AddRaw(Wrap("a", text, [new("href", href)])).AddEol();

    /// <summary>
    /// Adds a Mermaid chart. GitHub renders Mermaid only from fenced Markdown blocks, so this writes
    /// a fence (surrounded by blank lines so the Markdown parser sees it even after HTML).
    /// </summary>
    public StepSummary AddMermaid(string definition) => AddRaw($"\n```mermaid\n{definition.TrimEnd()}\n```\n\n");

    private static string Wrap(string tag, string? content, IEnumerable<KeyValuePair<string, string>>? attrs = null)
    {
        var attributes = attrs is null ? string.Empty : string.Concat(attrs.Select(a => $" {a.Key}=\"{a.Value}\""));
        return string.IsNullOrEmpty(content) ? $"<{tag}{attributes}>" : $"<{tag}{attributes}>{content}</{tag}>";
    }
}
