using System.IO.Compression;
using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.SloExport.Metrics;

namespace Bookiji.Actions.SloExport.Download;

/// <summary>
/// Extracts the <c>*.json</c> files of an artifact zip into one folder, safe against hostile archives: entry paths
/// never become paths (zip-slip: only a sanitised last segment is kept), bytes are counted as they are inflated
/// (zip bombs: the declared sizes are not trusted), and entries, bytes per file and bytes in all are bounded.
/// </summary>
public static partial class ZipExtractor
{
    /// <summary>Most entries looked at in one archive.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Most bytes inflated from one archive.</summary>
    public const long MaxArchiveBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Extracts into <paramref name="folder"/>; returns the files written and the problems met. With
    /// <paramref name="uploadedByRun"/>, a metrics file naming another <c>runId</c> is refused: an artifact may only
    /// describe the run that uploaded it, so no later artifact can replace another run's record.
    /// </summary>
    public static async Task<(int Written, List<string> Problems, long Inflated)> ExtractAsync(Stream zip, string folder, long? uploadedByRun, long maxBytes, CancellationToken cancellationToken)
    {
        var archiveLimit = Math.Min(MaxArchiveBytes, Math.Max(0, maxBytes));
        ArgumentNullException.ThrowIfNull(zip);
        var problems = new List<string>();
        var written = 0;
        long inflated = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        Directory.CreateDirectory(folder);
        var root = WorkspacePaths.RealPath(Path.GetFullPath(folder));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var entry in archive.Entries)
        {
            if (++index > MaxEntries)
            {
                problems.Add($"has more than {MaxEntries:N0} entries; the rest were not extracted");
                break;
            }

            var leaf = entry.FullName.Replace('\\', '/').Split('/')[^1];
            if (leaf.Length == 0 || !leaf.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var safe = SafeName(leaf, index);
            while (!names.Add(safe))
            {
                safe = $"{index}-{safe}";
            }

            var target = Path.Combine(root, safe);
            if (!WorkspacePaths.IsWithin(WorkspacePaths.RealPath(target), root))
            {
                problems.Add($"entry '{Clip(entry.FullName)}' would land outside its folder and was skipped");
                continue;
            }

            var limit = Math.Min(MetricsLoader.MaxFileBytes, archiveLimit - inflated);
            var (copied, complete) = await CopyBoundedAsync(entry, target, limit, cancellationToken);
            inflated += copied;
            if (complete && uploadedByRun is { } run && ClaimedRunId(target) is { } claimed && claimed != run)
            {
                File.Delete(target);
                problems.Add($"entry '{Clip(entry.FullName)}' describes run {claimed} but was uploaded by run {run}; refused");
                continue;
            }

            if (complete)
            {
                written++;
                continue;
            }

            File.Delete(target);
            problems.Add($"entry '{Clip(entry.FullName)}' inflates past {limit:N0} bytes and was dropped (zip-bomb guard)");
            if (inflated >= archiveLimit)
            {
                problems.Add($"inflated {archiveLimit:N0} bytes (the bound of this archive, or what was left of the export's {ArtifactDownloader.MaxTotalBytes:N0}); the rest were not extracted");
                break;
            }
        }

        return (written, problems, inflated);
    }

    private static async Task<(long Copied, bool Complete)> CopyBoundedAsync(ZipArchiveEntry entry, string target, long limit, CancellationToken cancellationToken)
    {
        await using var input = entry.Open();
        await using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None);
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copied += read;
            if (copied > limit)
            {
                return (copied, false);
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return (copied, true);
    }

    /// <summary>The top-level <c>runId</c> a metrics file claims (a number or numeric string), or null when it names none or is not JSON.</summary>
    private static long? ClaimedRunId(string path)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(File.ReadAllBytes(path), new System.Text.Json.JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                var isRunId = reader.ValueTextEquals("runId");
                reader.Read();
                if (isRunId)
                {
                    return reader.TokenType switch
                    {
                        System.Text.Json.JsonTokenType.Number when reader.TryGetInt64(out var n) => n,
                        System.Text.Json.JsonTokenType.String when long.TryParse(reader.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) => s,
                        _ => -1,
                    };
                }

                reader.Skip();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the metrics reader names it as such.
        }

        return null;
    }

    /// <summary>Letters, digits, '.', '_' and '-' only, never starting with '.'.</summary>
    private static string SafeName(string leaf, int index)
    {
        var safe = Unsafe().Replace(leaf, "_").TrimStart('.');
        return safe.Length is 0 or > 200 ? $"entry-{index}.json" : safe;
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();
}
