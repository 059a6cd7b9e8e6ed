namespace Bookiji.Actions.Core.Toolkit;

/// <summary>Where an annotation points, as the toolkit's <c>AnnotationProperties</c>.</summary>
public sealed record AnnotationProperties
{
    /// <summary>A title for the annotation.</summary>
    public string? Title { get; init; }

    /// <summary>The path of the file the annotation is for.</summary>
    public string? File { get; init; }

    /// <summary>The first line (1-based).</summary>
    public int? StartLine { get; init; }

    /// <summary>The last line; defaults to <see cref="StartLine"/> in the runner.</summary>
    public int? EndLine { get; init; }

    /// <summary>The first column; ignored by the runner when the lines differ.</summary>
    public int? StartColumn { get; init; }

    /// <summary>The last column.</summary>
    public int? EndColumn { get; init; }

    /// <summary>
    /// The command properties in the runner's names and the toolkit's order:
    /// title, file, line, endLine, col, endColumn.
    /// An annotation with no property set yields no properties at all, as the toolkit does for <c>{}</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>> ToCommandProperties() =>
        Title is null && File is null && StartLine is null && EndLine is null && StartColumn is null && EndColumn is null
            ? []
            : [
                new("title", Title),
                new("file", File),
                new("line", Number(StartLine)),
                new("endLine", Number(EndLine)),
                new("col", Number(StartColumn)),
                new("endColumn", Number(EndColumn)),
            ];

    private static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
