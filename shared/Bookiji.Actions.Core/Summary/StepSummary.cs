using System.Net;
using System.Text;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Core.Summary;

/// <summary>
/// Builds the job summary (<c>GITHUB_STEP_SUMMARY</c>) as the toolkit's <c>summary</c> does, plus Mermaid
/// charts. The runner refuses a step summary over 1 MiB, so <see cref="WriteAsync"/> truncates the buffer
/// with a visible notice instead of losing the whole summary.
/// </summary>
public sealed partial class StepSummary
{
    /// <summary>The runner's limit for one step's summary, in bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The notice appended when the summary had to be cut.</summary>
    public const string TruncationNotice = "\n\n> **Summary truncated**: it exceeded GitHub's 1 MiB step-summary limit; see the action's output files for the full report.\n";

    /// <summary>The toolkit's error when <c>GITHUB_STEP_SUMMARY</c> is not set.</summary>
    public const string MissingVariableMessage =
        "Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StringBuilder _buffer = new();
    private readonly ActionEnvironment _environment;
    private readonly SecretMasker _masker;

    /// <summary>Creates a summary writing to the file named by <c>GITHUB_STEP_SUMMARY</c> in <paramref name="environment"/>.</summary>
    public StepSummary(ActionEnvironment environment, SecretMasker masker)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _masker = masker ?? throw new ArgumentNullException(nameof(masker));
    }

    /// <summary>Whether a summary file is available (outside Actions, or in old runners, it is not).</summary>
    public bool IsAvailable => _environment.GetNonEmpty("GITHUB_STEP_SUMMARY") is not null;

    /// <summary>The buffer's current text.</summary>
    public string Stringify() => _buffer.ToString();

    /// <summary>Whether nothing has been added since the last write.</summary>
    public bool IsEmptyBuffer => _buffer.Length == 0;

    /// <summary>Clears the buffer without writing.</summary>
    public StepSummary EmptyBuffer()
    {
        _buffer.Clear();
        return this;
    }

    /// <summary>HTML-encodes user text for use inside summary elements.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>
    /// Appends the buffer to the summary file (or replaces it with <paramref name="overwrite"/>), masking registered
    /// secrets and keeping the file within <see cref="MaxBytes"/>; then empties the buffer.
    /// </summary>
    public async Task<StepSummary> WriteAsync(bool overwrite = false, CancellationToken cancellationToken = default)
    {
        var path = _environment.GetNonEmpty("GITHUB_STEP_SUMMARY")
            ?? throw new InvalidOperationException(MissingVariableMessage);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Unable to access summary file: '{path}'. Check if the file has correct read/write permissions.");
        }

        var existing = overwrite ? 0 : new FileInfo(path).Length;
        var text = Fit(_masker.Apply(_buffer.ToString()), MaxBytes - existing);
        if (overwrite)
        {
            await File.WriteAllTextAsync(path, text, Utf8NoBom, cancellationToken);
        }
        else
        {
            await File.AppendAllTextAsync(path, text, Utf8NoBom, cancellationToken);
        }

        return EmptyBuffer();
    }

    /// <summary>Empties the buffer and the summary file.</summary>
    public Task<StepSummary> ClearAsync(CancellationToken cancellationToken = default) =>
        EmptyBuffer().WriteAsync(overwrite: true, cancellationToken);

    /// <summary>Cuts <paramref name="text"/> so it fits in <paramref name="budget"/> UTF-8 bytes, notice included.</summary>
    internal static string Fit(string text, long budget)
    {
        if (Utf8NoBom.GetByteCount(text) <= budget)
        {
            return text;
        }

        var room = budget - Utf8NoBom.GetByteCount(TruncationNotice);
        if (room <= 0)
        {
            return string.Empty;
        }

        // Binary search on characters: the longest prefix whose bytes fit, never splitting a surrogate pair.
        int low = 0, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Utf8NoBom.GetByteCount(text.AsSpan(0, mid)) <= room)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        if (low > 0 && char.IsHighSurrogate(text[low - 1]))
        {
            low--;
        }

        return string.Concat(text.AsSpan(0, low), TruncationNotice);
    }
}
