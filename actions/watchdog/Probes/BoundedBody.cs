namespace Bookiji.Actions.Watchdog.Probes;

/// <summary>Reads a response body up to a bound: upstream bodies are hostile in size (a 10 MB health page).</summary>
public static class BoundedBody
{
    /// <summary>At most <paramref name="maxBytes"/> bytes; <c>Truncated</c> when more were there (the rest is never read).</summary>
    public static async Task<(byte[] Body, bool Truncated)> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        using var kept = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var room = maxBytes - (int)kept.Length;
            if (read > room)
            {
                // One byte beyond the bound proves the cut; disposing the response aborts the rest.
                kept.Write(buffer, 0, room);
                return (kept.ToArray(), true);
            }

            kept.Write(buffer, 0, read);
        }

        return (kept.ToArray(), false);
    }
}
